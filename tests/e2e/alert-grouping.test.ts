import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { youthPolicyRecords } from '../fixtures/youth-policies.ts';
import { startPushPeer } from '../helpers/push-peer.ts';
import { signIn } from './accounts.ts';
import {
  eventually,
  expectAccessible,
  hasBrowser,
  launchBrowser,
  PHONE,
  settle,
  visit,
  WORKER_WAIT,
} from './browser.ts';
import { apiSession, demoAccount, type RunningServer, staffSession, startServer } from './server.ts';

// Issue 9, item 8: an import of several policies that fit a person is ONE notification ("새로 맞는
// 정책 3건") carrying the list, and one push, not one each; the bell gathers notifications by kind
// ("정책 알림 1", "정책 문의 답변 1") and opens each group, and the notifications page shows the same.

/** Always open, Seongbuk-gu (11290), unemployed 19–39 (the fixture's record). */
const ALWAYS_OPEN = '20240418005400200013';
const TITLES = ['묶음 알림 시험 정책 가', '묶음 알림 시험 정책 나', '묶음 알림 시험 정책 다'];

describe.skipIf(!hasBrowser)('grouped alerts in the bell and the notifications page', () => {
  let peer: Awaited<ReturnType<typeof startPushPeer>>;
  let certDir: string;
  let server: RunningServer;
  let browser: Browser;
  let subscription: string;

  beforeAll(async () => {
    peer = await startPushPeer();
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'push-peer-ca-'));
    fs.writeFileSync(path.join(certDir, 'ca.pem'), peer.certPem);
    server = await startServer({
      HAMKKE_PUSH_HOSTS: 'localhost',
      HAMKKE_TEST_PUSH_ALLOW_LOOPBACK: '1',
      NODE_EXTRA_CA_CERTS: path.join(certDir, 'ca.pem'),
    });
    browser = await launchBrowser();

    // The demo youth: a profile that fits, push on for new fitting policies, a browser subscription
    // at the local push service (headless Chromium cannot reach a vendor's), and a question.
    const youth = await apiSession(server, 'youth@demo.hamkke.kr');
    const ok = async (res: Promise<Response>) => {
      const r = await res;
      expect(r.status, await r.clone().text()).toBe(200);
      return r;
    };
    await ok(youth('PUT', '/api/v1/me/consents/youth_profile', { granted: true }));
    await ok(youth('PUT', '/api/v1/me/consents/notifications', { granted: true }));
    await ok(
      youth('PUT', '/api/v1/youth/profile', {
        birthDate: '1998-05-01',
        regionCode: '11290',
        employment: '0013003',
        specialGroups: [],
      }),
    );
    await ok(
      youth('PUT', '/api/v1/me/notification-preferences', {
        items: [{ kind: 'youth.new_fitting_policy', channels: { inApp: true, email: false, push: true } }],
      }),
    );
    // No quiet hours, so the push goes out whatever the hour of the run.
    await ok(
      youth('PUT', '/api/v1/me/notification-settings', {
        quietHours: { enabled: false, start: '22:00', end: '08:00' },
        mobileNumber: null,
        emailDigest: false,
      }),
    );
    const sub = peer.subscribe();
    subscription = sub.id;
    await ok(youth('POST', '/api/v1/me/push-subscriptions', { endpoint: sub.endpoint, keys: sub.keys }));
    const list = (await (await ok(youth('GET', '/api/v1/youth/policies?limit=1'))).json()) as {
      items: Array<{ id: string }>;
    };
    const asked = (await (
      await ok(
        youth('POST', `/api/v1/youth/policies/${list.items[0].id}/questions`, {
          body: '휴학생도 신청할 수 있습니까?',
          public: false,
        }),
      )
    ).json()) as { id: string };

    // Staff answer the question and import three new open policies that fit.
    const staff = await staffSession(server);
    await ok(staff('PUT', `/api/v1/youth/questions/${asked.id}/answer`, { answer: '신청할 수 있습니다.' }));
    const record = youthPolicyRecords().find((r) => r.plcyNo === ALWAYS_OPEN);
    if (!record) throw new Error(`fixture ${ALWAYS_OPEN} is missing`);
    const imported = await ok(
      staff(
        'POST',
        '/api/v1/youth/policies/import',
        TITLES.map((plcyNm, i) => ({ ...record, plcyNo: `GROUPED-E2E-${i}`, plcyNm })),
      ),
    );
    expect(await imported.json()).toMatchObject({ imported: 3 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await peer?.close();
    if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
  }, 30_000);

  test('one notification and one push for the import; the bell and the page gather by kind', async () => {
    const account = demoAccount(server, 'youth@demo.hamkke.kr');
    const context = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, account.email, account.password);

    // The answer arrives through the worker: the bell then counts two notifications, not four.
    const bell = page.locator('button.bell');
    await eventually(async () => {
      await page.reload();
      await settle(page);
      return bell.textContent();
    }, WORKER_WAIT).toContain('2');

    // The bell opens a panel with the groups closed: "정책 알림 1" and the answers' group.
    await bell.click();
    await expect.poll(() => bell.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator('.bell-panel');
    const policyGroup = panel.getByRole('button', { name: /^정책 알림 1/ });
    await policyGroup.waitFor();
    const answerGroup = panel.getByRole('button', { name: /^정책 문의 답변 1/ });
    await answerGroup.waitFor();
    expect(await policyGroup.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.getByRole('link', { name: '새로 맞는 정책 3건' }).count()).toBe(0);
    await expectAccessible(page, 'bell panel, groups closed');

    // Opening the policy group shows one notification about the three, with their list.
    await policyGroup.click();
    expect(await policyGroup.getAttribute('aria-expanded')).toBe('true');
    const notice = panel.getByRole('link', { name: '새로 맞는 정책 3건' });
    await notice.waitFor();
    expect(await notice.getAttribute('href')).toBe('/youth/alerts');
    await expect
      .poll(() => panel.locator('.notice', { hasText: '새로 맞는 정책 3건' }).textContent())
      .toMatch(/묶음 알림 시험 정책 [가나다] 외 2건/);
    await panel.getByText('목록 보기 (3건)').click();
    for (const title of TITLES)
      expect(await panel.getByRole('link', { name: title }).getAttribute('href')).toMatch(
        /^\/youth\/policies\/[0-9a-f-]{36}$/,
      );
    await expectAccessible(page, 'bell panel, policy alerts open');

    // Escape closes it and the keyboard is back on the bell.
    await page.keyboard.press('Escape');
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('bell'))).toBe(true);

    // The notifications page: the same groups, open, with the answer in its own.
    await visit(page, '/notifications', 'notifications, grouped');
    const main = page.locator('main');
    expect(await main.getByRole('button', { name: /^정책 알림 1/ }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(await main.getByRole('link', { name: '새로 맞는 정책 3건' }).count()).toBe(1);
    expect(await main.getByRole('link', { name: '문의하신 정책에 답변이 등록되었습니다.' }).count()).toBe(1);
    // Closing a group hides its notifications.
    await main.getByRole('button', { name: /^정책 알림 1/ }).click();
    await expect.poll(() => main.getByRole('link', { name: '새로 맞는 정책 3건' }).count()).toBe(0);
    await expectAccessible(page, 'notifications, policy alerts closed');

    // One push for the import (it waits a few seconds for the rest of its group), not three.
    await eventually(
      () => peer.received.filter((m) => m.subscription === subscription).length,
      WORKER_WAIT,
    ).toBeGreaterThan(0);
    const pushed = peer.received.filter((m) => m.subscription === subscription).map((m) => m.payload);
    expect(pushed).toEqual([expect.objectContaining({ title: '새로 맞는 정책 3건', link: '/youth/alerts' })]);
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 240_000);
});
