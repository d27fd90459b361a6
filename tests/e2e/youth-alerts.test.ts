import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPushPeer } from '../helpers/push-peer.ts';
import { signIn, verificationLinkFor } from './accounts.ts';
import { expectAccessible, hasBrowser, launchBrowser, PHONE, settle, visit } from './browser.ts';
import { type RunningServer, staffSession, startServer } from './server.ts';

// The whole alert journey of issue 3 in a real browser against the real server: a young person
// signs up, fills the youth profile, sees the policies for them and follows a field; staff publish
// a policy that fits; the person sees the alert in the app and a Web Push message reaches a local
// push service that this test runs (a real HTTPS peer that checks VAPID and decrypts the message).
//
// Headless Chromium cannot reach a browser vendor's push service here (no internet), so the
// subscription the browser would get from it is registered through the same route the my-page
// button uses, pointing at the local peer; everything after that is the product's own path.

function kstDay(offset: number): string {
  const d = new Date(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date())}T00:00:00Z`,
  );
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const FITS = {
  summary: '영등포구에 사는 미취업 청년의 구직 활동을 지원합니다.',
  fields: ['jobs'],
  keywords: ['구직'],
  minAge: 19,
  maxAge: 39,
  regionCodes: ['11560'],
};

describe.skipIf(!hasBrowser)('the youth alert journey', () => {
  let peer: Awaited<ReturnType<typeof startPushPeer>>;
  let certDir: string;
  let server: RunningServer;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof staffSession>>;

  const publish = async (title: string) => {
    const created = await staff('POST', '/api/v1/youth/policies', {
      title,
      ...FITS,
      rounds: [{ startsOn: kstDay(-1), endsOn: kstDay(20) }],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    for (const to of ['review', 'published']) {
      const moved = await staff('POST', `/api/v1/youth/policies/${id}/transition`, { to });
      expect(moved.status, await moved.text()).toBe(200);
    }
    return id;
  };

  beforeAll(async () => {
    peer = await startPushPeer();
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'push-peer-ca-'));
    fs.writeFileSync(path.join(certDir, 'ca.pem'), peer.certPem);
    // The server trusts the local push service's certificate and accepts its host for subscriptions;
    // the test-only setting lets a push reach a loopback address (refused otherwise).
    server = await startServer({
      HAMKKE_PUSH_HOSTS: 'localhost',
      HAMKKE_TEST_PUSH_ALLOW_LOOPBACK: '1',
      NODE_EXTRA_CA_CERTS: path.join(certDir, 'ca.pem'),
    });
    browser = await launchBrowser();
    staff = await staffSession(server);
    await publish('영등포 청년 구직 활동 지원금');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await peer?.close();
    if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
  }, 30_000);

  test('sign up, profile, policies for me, follow a field; a fitting policy arrives in the app and by Web Push', async () => {
    const email = `youth-${randomBytes(4).toString('hex')}@example.com`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const context = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Sign up with the optional consent to personalised alerts, verify the email, log in.
    await visit(page, '/signup', 'sign-up');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('input[name="displayName"]').fill('박청년');
    await page.locator('input[name="consent-account"]').check();
    await page.locator('input[name="consent-notifications"]').check();
    await page.locator('main form button[type="submit"]').click();
    await page.locator('.alert-success').waitFor();
    await page.goto(await verificationLinkFor(browser, server, email));
    await page.locator('.alert-success').waitFor();
    await signIn(page, server, email, password);

    // The youth profile, behind its own consent.
    await visit(page, '/my#me-youth', 'my page');
    const profile = page.locator('section[aria-labelledby="me-youth"]');
    await profile.getByRole('switch').click();
    await expect.poll(() => profile.locator('input[name="birthDate"]').isDisabled()).toBe(false);
    await profile.locator('input[name="birthDate"]').fill('2000-04-10');
    await profile.locator('select[name="regionCode"]').selectOption('11560');
    await profile.locator('select[name="employment"]').selectOption('0013003');
    await profile.getByRole('button', { name: '청년 프로필 저장' }).click();
    await expect.poll(() => profile.locator('.alert-success').textContent()).toContain('저장했습니다');

    // Alerts at any hour for this journey (quiet hours would rightly hold a push sent at night),
    // and push on for new policies that fit.
    const delivery = page.locator('section[aria-labelledby="me-delivery"]');
    const quiet = delivery.getByRole('checkbox', { name: '방해 금지 시간 사용' });
    await quiet.waitFor();
    if (await quiet.isChecked()) await quiet.uncheck();
    await delivery.getByRole('button', { name: '저장' }).click();
    await delivery.locator('.alert-success').waitFor();
    const prefs = page.locator('section[aria-labelledby="me-prefs"]');
    // One row per kind, one box per channel, each named by its row and column.
    const fitting = prefs.locator('tr', { hasText: '나에게 맞는 새 청년 정책' });
    await fitting.getByRole('checkbox', { name: /푸시/ }).check();
    await prefs.getByRole('button', { name: '저장' }).click();
    await prefs.locator('.alert-success').waitFor();

    // This device's push subscription (see the note at the top), then the device shows in my page.
    const sub = peer.subscribe();
    const subscribed = await page.evaluate(
      async (body) => {
        const me = await (await fetch('/api/v1/me')).json();
        const res = await fetch('/api/v1/me/push-subscriptions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      { endpoint: sub.endpoint, keys: sub.keys },
    );
    expect(subscribed).toBe(200);
    await page.reload();
    await settle(page);
    await expect.poll(() => page.locator('section[aria-labelledby="me-push"] li').count()).toBe(1);
    await expectAccessible(page, 'my page with profile, delivery settings and a push device');

    // Policies for me: the policy published before sign-up fits.
    await visit(page, '/youth/for-me', 'policies for me');
    await expect.poll(() => page.locator('main').textContent()).toContain('영등포 청년 구직 활동 지원금');

    // Follow the jobs field from the policy list.
    await visit(page, '/youth/policies?field=jobs', 'policy list for jobs');
    const followField = page
      .locator('section[aria-labelledby="youth-follow-search"]')
      .getByRole('button', { name: '‘일자리’ 분야 관심 등록' });
    await followField.click();
    await expect.poll(() => followField.getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'policy list, following the jobs field');

    // Staff publish a new policy that fits this person.
    const title = `영등포 청년 면접 정장 대여 ${randomBytes(2).toString('hex')}`;
    const policyId = await publish(title);

    // In the app: the bell counts it and the notifications page shows it, linking to the policy.
    await expect
      .poll(
        async () => {
          await visit(page, '/notifications', 'notifications');
          return page.locator('main').textContent();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toContain(title);
    expect(await page.locator(`main a[href="/youth/policies/${policyId}"]`).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'notifications with the new alert');

    // By Web Push: exactly one encrypted message reached the local push service, signed with VAPID.
    await expect
      .poll(() => peer.received.filter((m) => m.payload.link === `/youth/policies/${policyId}`).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const pushed = peer.received.find((m) => m.payload.link === `/youth/policies/${policyId}`);
    expect(pushed?.subscription).toBe(sub.id);
    expect(pushed?.payload).toMatchObject({ title: '나에게 맞는 새 청년 정책이 있습니다', body: title });
    expect(pushed?.claims.aud).toBe(peer.origin);
    expect(peer.rejected).toEqual([]);

    // One alert per policy, whatever matched it (profile and the followed field).
    await visit(page, '/youth/alerts', 'my alerts and follows');
    await expect
      .poll(() => page.locator('section[aria-labelledby="youth-my-alerts"]').textContent())
      .toContain(title);
    expect(
      await page
        .locator('section[aria-labelledby="youth-my-alerts"]')
        .getByRole('link', { name: title })
        .count(),
    ).toBe(1);
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 240_000);
});
