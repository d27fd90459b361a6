import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCalendar } from '../../server/platform/calendar/test-ical.ts';
import { signIn } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import { apiSession, demoAccount, type RunningServer, staffSession } from './server.ts';

// Calendar subscription on my page: the demo youth account follows a policy, makes its feed address
// (focused, copied, announced), a calendar app with no cookie reads the deadline from it, and
// ending the subscription stops the address. axe on the page in each state.
const TITLE = '캘린더 구독 확인용 청년 정책';

function addDays(days: number): string {
  const d = new Date(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date())}T00:00:00Z`,
  );
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!hasBrowser)('calendar subscription in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    const staff = await staffSession(server);
    const created = await (
      await staff('POST', '/api/v1/youth/policies', {
        title: TITLE,
        rounds: [{ startsOn: addDays(-1), endsOn: addDays(8) }],
      })
    ).json();
    for (const to of ['review', 'published'])
      expect((await staff('POST', `/api/v1/youth/policies/${created.id}/transition`, { to })).status).toBe(
        200,
      );
    const youth = await apiSession(server, 'youth@demo.hamkke.kr');
    expect(
      (await youth('POST', '/api/v1/youth/follows', { kind: 'policy', target: created.id })).status,
    ).toBe(200);
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('make the address, copy it, read the feed without a cookie, end it', async () => {
    const context = await browser.newContext({ baseURL: server.url, ...PHONE });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const youth = demoAccount(server, 'youth@demo.hamkke.kr');
    await signIn(page, server, youth.email, youth.password);
    await page.goto('/my#me-calendar');
    await settle(page);
    const section = page.locator('section[aria-labelledby="me-calendar"]');
    await section.getByRole('button', { name: '구독 주소 만들기' }).click();

    // The address appears once, focused, labelled, with its text selected.
    const field = section.getByLabel('구독 주소');
    await eventually(() => field.inputValue()).toMatch(/\/api\/v1\/calendar\/feed\.ics\?token=[\w-]{43}$/);
    const url = await field.inputValue();
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'my page, calendar address shown');
    await section.screenshot({ path: '/tmp/e2e-calendar-feed.png' });
    await section.getByRole('button', { name: '주소 복사' }).click();
    await eventually(() => section.locator('p[role="status"]').textContent()).toBe(
      '구독 주소를 복사했습니다.',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // A calendar app: no cookie, the deadline as an all-day event.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const events = parseCalendar(await feed.text()).events;
    expect(events.map((e) => [e.summary, e.startDate])).toContainEqual([`[마감] ${TITLE}`, addDays(8)]);

    // After a reload the address is not shown again; ending the subscription stops it.
    await page.reload();
    await settle(page);
    await eventually(() => section.textContent()).toContain('주소는 만들 때만 보여 드립니다');
    expect(await section.getByLabel('구독 주소').count()).toBe(0);
    await section.getByRole('button', { name: '구독 끊기' }).click();
    await eventually(() => section.locator('p[role="status"]').textContent()).toContain(
      '구독 주소를 없앴습니다',
    );
    await section.getByRole('button', { name: '구독 주소 만들기' }).waitFor();
    expect((await fetch(url)).status).toBe(404);
    await expectAccessible(page, 'my page, calendar subscription ended');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);
});
