import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import { demoAccount, type RunningServer } from './server.ts';

// Issue 9, item 10: offline keeps its promise. Pages a person opened show without a network, with
// "오프라인 상태입니다 — HH:MM 기준 내용입니다"; a page never opened says so within seconds (in the
// app, and as the branded offline page for a fresh load); signed-in answers are gone after sign-out.
// The network is cut with Chromium's own offline emulation (context.setOffline), which the service
// worker's fetches obey too.

const BANNER = /오프라인 상태입니다 — \d{2}:\d{2} 기준 내용입니다/;

/** Waits until the service worker controls the page (it claims open pages when it activates). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
    timeout: 60_000,
  });
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

/** Milliseconds from `start` until `check` passes (polled), failing after `limit`. */
async function within(limit: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > limit) throw new Error(`not within ${limit} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!hasBrowser)('offline: opened pages stay, the rest says so', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 120_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('a visitor: opened pages show from the store with the banner; an unopened one fails fast and clearly', async () => {
    const context: BrowserContext = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // First visit installs the worker; the pages opened after it are kept.
    await open(page, '/');
    await controlled(page);
    await open(page, '/');
    await open(page, '/youth/policies');
    const first = page.locator('main a[href^="/youth/policies/"]').first();
    await first.waitFor();
    const policyTitle = (await first.textContent())?.trim() ?? '';
    const policyPath = (await first.getAttribute('href')) ?? '';
    expect(policyPath).toMatch(/^\/youth\/policies\/[0-9a-f-]{36}$/);
    await open(page, policyPath);
    await eventually(() => page.locator('h1').textContent()).toContain(policyTitle);
    expect(await page.locator('.offline-banner').count()).toBe(0);

    await context.setOffline(true);

    // A fresh load of an opened page: the app from the store, its content, the banner.
    await open(page, '/youth/policies');
    await eventually(() => page.locator('main').textContent()).toContain(policyTitle);
    await eventually(() => page.locator('.offline-banner').textContent()).toMatch(BANNER);
    await expectAccessible(page, 'policy list offline');

    // In-app navigation to an opened page: shown, no endless loading.
    await page.locator(`main a[href="${policyPath}"]`).first().click();
    await page.waitForURL(`**${policyPath}`);
    await eventually(() => page.locator('h1').textContent()).toContain(policyTitle);
    // Parts still asking settle at once (from the store or failing), never an endless "불러오는 중".
    await within(5_000, async () => (await page.locator('.loading').count()) === 0);
    await eventually(() => page.locator('.offline-banner').textContent()).toMatch(BANNER);

    // In-app navigation to a page never opened: a clear message within 5 s, not "불러오는 중".
    await page.locator('a[href="/administration"]').first().click();
    const inApp = await within(5_000, async () =>
      /이 화면을 열 수 없습니다|저장되지 않/.test((await page.locator('main').textContent()) ?? ''),
    );
    expect(inApp).toBeLessThan(5_000);
    await expectAccessible(page, 'unopened page offline, in the app');

    // A fresh load of a page never opened: the branded offline page, in Korean and English.
    const started = Date.now();
    await page.goto('/youth/check');
    await page.locator('h1').waitFor();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await page.locator('h1').textContent()).toBe('인터넷에 연결되어 있지 않습니다');
    expect(await page.locator('.brand').textContent()).toContain('영등포구 사회적경제과');
    expect(await page.locator('[lang="en"] h2').textContent()).toBe('You are offline');
    await expectAccessible(page, 'offline page');

    // Back online: "try again" brings the page, and the banner goes.
    await context.setOffline(false);
    await page.getByRole('link', { name: '다시 시도' }).click();
    await settle(page);
    expect(await page.locator('h1').textContent()).not.toBe('인터넷에 연결되어 있지 않습니다');
    await open(page, '/youth/policies');
    await eventually(() => page.locator('.offline-banner').count()).toBe(0);

    // Nothing but GET answers is ever stored.
    const stored = await page.evaluate(async () => {
      const out: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys())
          out.push(`${r.method} ${new URL(r.url).pathname}`);
      return out;
    });
    expect(stored.filter((s) => !s.startsWith('GET '))).toEqual([]);
    expect(stored).toContain('GET /api/v1/youth/policies');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 240_000);

  test('signed in: personal pages show offline, and nothing of them is left after sign-out', async () => {
    const account = demoAccount(server, 'youth@demo.hamkke.kr');
    const context = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await context.newPage();
    await open(page, '/');
    await controlled(page);
    await signIn(page, server, account.email, account.password);
    await open(page, '/my');
    await eventually(() => page.locator('main').textContent()).toContain(account.email);

    // Offline, my page still shows (kept for this person), with the banner.
    await context.setOffline(true);
    await open(page, '/my');
    await eventually(() => page.locator('main').textContent()).toContain(account.email);
    await eventually(() => page.locator('.offline-banner').textContent()).toMatch(BANNER);
    await expectAccessible(page, 'my page offline');

    // Back online, sign out; offline again, nothing personal is shown any more.
    await context.setOffline(false);
    await open(page, '/');
    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.locator('a[href="/login"]').first().waitFor();
    await context.setOffline(true);
    await open(page, '/my');
    await eventually(() => page.locator('main').textContent()).not.toContain(account.email);
    expect(await page.locator('main').textContent()).not.toContain(account.email);
    const personal = await page.evaluate(async () => {
      const out: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys()) {
          const body = await (await (await caches.open(name)).match(r))?.text();
          if (body?.includes('youth@demo.hamkke.kr')) out.push(`${name} ${new URL(r.url).pathname}`);
        }
      return out;
    });
    expect(personal).toEqual([]);
    await context.close();
  }, 240_000);

  test('what is kept is bounded: at most 300 answers, none shown older than 30 days', async () => {
    const context: BrowserContext = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await context.newPage();
    await open(page, '/');
    await controlled(page);
    await open(page, '/');
    // Plant answers as the worker keeps them (the page shares its origin's stores): 310 recent ones
    // and one stored 40 days ago, each stamped as the worker stamps them.
    await page.evaluate(async () => {
      const cache = await caches.open('hamkke-api-public-v1');
      const now = Date.now();
      const kept = (at: number) =>
        new Response('{"items":[],"nextCursor":null}', {
          headers: { 'content-type': 'application/json', 'x-hamkke-stored-at': new Date(at).toISOString() },
        });
      for (let i = 0; i < 310; i++) await cache.put(`/api/v1/youth/policies?q=planted${i}`, kept(now));
      await cache.put('/api/v1/youth/policies?q=old', kept(now - 40 * 86_400_000));
    });
    // One more answer stored by the worker trims the store to the newest 300.
    await page.evaluate(() => fetch('/api/v1/youth/policies?limit=3').then((r) => r.text()));
    await eventually(() =>
      page.evaluate(async () => (await (await caches.open('hamkke-api-public-v1')).keys()).length),
    ).toBeLessThanOrEqual(300);
    const left = await page.evaluate(async () =>
      (await (await caches.open('hamkke-api-public-v1')).keys()).map((r) => new URL(r.url).search),
    );
    expect(left).toContain('?limit=3'); // the newest stays
    expect(left).not.toContain('?q=planted0'); // the oldest went

    // Offline, a recent planted answer is shown; a month-old one is not (the request fails at once).
    await context.setOffline(true);
    const answer = (q: string) =>
      page.evaluate(
        (url) =>
          fetch(url).then(
            (r) => r.status,
            () => 'failed',
          ),
        `/api/v1/youth/policies?q=${q}`,
      );
    expect(await answer('planted309')).toBe(200);
    await page.evaluate(async () => {
      const cache = await caches.open('hamkke-api-public-v1');
      const old = new Response('{"items":[],"nextCursor":null}', {
        headers: { 'x-hamkke-stored-at': new Date(Date.now() - 40 * 86_400_000).toISOString() },
      });
      await cache.put('/api/v1/youth/policies?q=old', old);
    });
    expect(await answer('old')).toBe('failed');
    await context.close();
  }, 180_000);
});
