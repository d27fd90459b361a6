import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('config', () => {
  it('defaults to the embedded database in demo mode on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ db: 'pglite', demo: true, PORT: 3000, HAMKKE_DATA_DIR: './data' });
  });

  it('switches to PostgreSQL with DATABASE_URL, and demo mode is never on there', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', HAMKKE_DEMO: '1', HAMKKE_SECRET_KEY: KEY });
    expect(c).toMatchObject({ db: 'postgres', demo: false });
  });

  it('turns demo mode off with HAMKKE_DEMO=0', () => {
    expect(loadConfig({ HAMKKE_DEMO: '0' }).demo).toBe(false);
  });

  it('names an unknown setting', () => {
    expect(() => loadConfig({ HAMKKE_PROT: '1' })).toThrow(/Unknown setting HAMKKE_PROT/);
  });

  it('names a malformed setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ HAMKKE_DEMO: 'maybe' })).toThrow(/HAMKKE_DEMO/);
  });

  it('wants all three OIDC settings or none', () => {
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://id.example.com' })).toThrow(/OIDC/);
    expect(
      loadConfig({ OIDC_ISSUER_URL: 'https://id.example.com', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })
        .OIDC_CLIENT_ID,
    ).toBe('a');
  });

  it("trusts X-Forwarded-For never by default, else a number of hops or the proxies' addresses", () => {
    expect(loadConfig({}).HAMKKE_TRUST_PROXY).toBe(false);
    expect(loadConfig({ HAMKKE_TRUST_PROXY: '0' }).HAMKKE_TRUST_PROXY).toBe(false);
    expect(loadConfig({ HAMKKE_TRUST_PROXY: 'false' }).HAMKKE_TRUST_PROXY).toBe(false);
    // `1` and `true` mean the one proxy in front, not every hop.
    expect(loadConfig({ HAMKKE_TRUST_PROXY: '1' }).HAMKKE_TRUST_PROXY).toBe(1);
    expect(loadConfig({ HAMKKE_TRUST_PROXY: 'true' }).HAMKKE_TRUST_PROXY).toBe(1);
    expect(loadConfig({ HAMKKE_TRUST_PROXY: '3' }).HAMKKE_TRUST_PROXY).toBe(3);
    expect(loadConfig({ HAMKKE_TRUST_PROXY: '10.0.0.0/8' }).HAMKKE_TRUST_PROXY).toEqual(['10.0.0.0/8']);
    expect(loadConfig({ HAMKKE_TRUST_PROXY: '10.0.0.1,fd00::/8,192.168.1.0/24' }).HAMKKE_TRUST_PROXY).toEqual(
      ['10.0.0.1', 'fd00::/8', '192.168.1.0/24'],
    );
    for (const bad of [
      'yes',
      '-1',
      'loopback',
      '10.0.0.0/8;rm',
      '10.0.0.0/8, 10.0.0.1',
      '*',
      '10',
      '1.5',
      '999.1.1.1',
      '10.0.0.0/99',
      'fd00::/129',
      '10.0.0.1/8/8',
    ]) {
      expect(() => loadConfig({ HAMKKE_TRUST_PROXY: bad }), bad).toThrow(/HAMKKE_TRUST_PROXY/);
    }
  });

  it('keeps mail in the dev mailbox in demo mode or when asked, and says when no mail can go out', () => {
    expect(loadConfig({})).toMatchObject({ demo: true, devMailbox: true, mailDisabled: false });
    expect(loadConfig({ HAMKKE_DEMO: '0' })).toMatchObject({ devMailbox: false, mailDisabled: true });
    expect(loadConfig({ HAMKKE_DEMO: '0', HAMKKE_DEV_MAILBOX: '1' })).toMatchObject({
      devMailbox: true,
      mailDisabled: false,
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@h/db', HAMKKE_SECRET_KEY: KEY, SMTP_URL: 'smtp://mail:25' }),
    ).toMatchObject({ devMailbox: false, mailDisabled: false });
    expect(
      loadConfig({ HAMKKE_DEMO: '0', HAMKKE_DEV_MAILBOX: '1', SMTP_URL: 'smtp://mail:25' }).devMailbox,
    ).toBe(false); // a real mail server wins
    expect(() => loadConfig({ HAMKKE_DEV_MAILBOX: 'on' })).toThrow(/HAMKKE_DEV_MAILBOX/);
  });

  it('refuses demo mode with SMTP_URL (links built from any Host must never be mailed)', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail:25' })).toThrow(/SMTP_URL.*demo/);
    expect(() => loadConfig({ HAMKKE_DEMO: '1', SMTP_URL: 'smtp://mail:25' })).toThrow(ConfigError);
    expect(loadConfig({ HAMKKE_DEMO: '0', SMTP_URL: 'smtp://mail:25' }).demo).toBe(false);
  });

  it('refuses DATABASE_URL without HAMKKE_SECRET_KEY, and a malformed key', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(/HAMKKE_SECRET_KEY/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', HAMKKE_SECRET_KEY: '' })).toThrow(
      /HAMKKE_SECRET_KEY/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', HAMKKE_SECRET_KEY: 'too-short' })).toThrow(
      /HAMKKE_SECRET_KEY.*32 random bytes/,
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', HAMKKE_SECRET_KEY: KEY }).db).toBe('postgres');
  });
});
