import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE } from '../server/platform/auth/throttle.ts';
import { queryRows } from '../server/platform/db/connect.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { TestClient } from './helpers/client.ts';
import { engines } from './helpers/engines.ts';
import { signedInAs } from './helpers/users.ts';

// X-Forwarded-For: a client writes whatever it likes on the left; each proxy appends the address
// it saw. Only the hops we trust may be skipped, so the client is the address our proxy appended.
const PROXY = '127.0.0.1'; // the socket peer: our reverse proxy
const forwarded = (chain: string) => ({ 'x-forwarded-for': chain });
const spoof = () => `${[1, 2, 3, 4].map(() => 1 + (randomBytes(1)[0] % 250)).join('.')}`;

describe.each(engines)('HAMKKE_TRUST_PROXY on %s', (engine) => {
  describe.each([
    ['1', 'one hop'],
    ['127.0.0.0/8', "the proxy's range"],
  ])('set to %s (%s)', (setting) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine, { HAMKKE_TRUST_PROXY: setting, HAMKKE_RATE_LIMIT_PER_MINUTE: '10' });
    });
    afterAll(() => t?.close());

    const send = (client: TestClient, method: string, url: string, chain: string, payload?: unknown) =>
      client.request({
        method,
        url,
        payload: payload as never,
        headers: forwarded(chain),
        remoteAddress: PROXY,
      });

    it('takes the address the proxy appended, not the leftmost one, for the audit and access logs', async () => {
      const admin = await signedInAs(t, ['admin']);
      const { user } = await signedInAs(t, ['resident']);
      const granted = await send(
        admin.client,
        'POST',
        `/api/v1/admin/users/${user.id}/roles`,
        '6.6.6.6, 7.7.7.7',
        { role: 'staff' },
      );
      expect(granted.statusCode).toBe(200);
      const [audit] = await queryRows<{ ip: string }>(
        t.database.db,
        sql`select ip from audit_log where target_id = ${user.id} order by at desc limit 1`,
      );
      expect(audit.ip).toBe('7.7.7.7');

      const read = await send(
        admin.client,
        'GET',
        `/api/v1/admin/users/${user.id}?reason=${encodeURIComponent('민원 확인')}`,
        `${spoof()}, 7.7.7.7`,
      );
      expect(read.statusCode).toBe(200);
      const [access] = await queryRows<{ ip: string }>(
        t.database.db,
        sql`select ip from personal_data_access_log where subject_user_id = ${user.id} order by at desc limit 1`,
      );
      expect(access.ip).toBe('7.7.7.7');
    });

    it('keeps the login throttle of the real client whatever the leftmost address says', async () => {
      const client = '7.7.7.8';
      // The address has all but one of its failures already (as if from other accounts).
      await t.database.db.execute(sql`insert into login_failures (email_normalized, ip)
        select 'other-' || g || '@example.com', ${client} from generate_series(1, ${THROTTLE.perIp - 1}) g`);
      const guess = (chain: string) =>
        send(new TestClient(t.app), 'POST', '/api/v1/auth/login', chain, {
          email: `target-${randomBytes(3).toString('hex')}@example.com`,
          password: 'wrong-password',
        });
      expect((await guess(`6.6.6.6, ${client}`)).statusCode).toBe(401); // the limit-th failure
      const next = await guess(`${spoof()}, ${client}`);
      expect(next.statusCode).toBe(429);
      expect(next.json().error.code).toBe('login_throttled');
      const [{ n }] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from login_failures where ip = ${client}`,
      );
      expect(n).toBe(THROTTLE.perIp);
    });

    it('keeps the rate limit of the real client whatever the leftmost address says', async () => {
      const client = '7.7.7.9';
      for (let i = 0; i < 10; i++) {
        const res = await send(
          new TestClient(t.app),
          'GET',
          '/api/v1/privacy/notices',
          `${spoof()}, ${client}`,
        );
        expect(res.statusCode).toBe(200);
      }
      const limited = await send(
        new TestClient(t.app),
        'GET',
        '/api/v1/privacy/notices',
        `6.6.6.6, ${client}`,
      );
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate_limited');
      // Another client behind the same proxy has its own count.
      const other = await send(new TestClient(t.app), 'GET', '/api/v1/privacy/notices', `6.6.6.6, 7.7.7.10`);
      expect(other.statusCode).toBe(200);
    });
  });

  describe('set to 0 (no proxy)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(engine, { HAMKKE_TRUST_PROXY: '0' });
    });
    afterAll(() => t?.close());

    it('takes the socket address and ignores X-Forwarded-For', async () => {
      const admin = await signedInAs(t, ['admin']);
      const { user } = await signedInAs(t, ['resident']);
      const granted = await admin.client.request({
        method: 'POST',
        url: `/api/v1/admin/users/${user.id}/roles`,
        payload: { role: 'staff' },
        headers: forwarded('6.6.6.6, 7.7.7.7'),
        remoteAddress: '203.0.113.5',
      });
      expect(granted.statusCode).toBe(200);
      const [audit] = await queryRows<{ ip: string }>(
        t.database.db,
        sql`select ip from audit_log where target_id = ${user.id} order by at desc limit 1`,
      );
      expect(audit.ip).toBe('203.0.113.5');
    });
  });
});
