import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('defaults to the embedded database in demo mode on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ db: 'pglite', demo: true, PORT: 3000, HAMKKE_DATA_DIR: './data' });
  });

  it('switches to PostgreSQL with DATABASE_URL, and demo mode is never on there', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', HAMKKE_DEMO: '1' });
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
});
