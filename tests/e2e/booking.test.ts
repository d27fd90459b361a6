import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, isHoliday, todayInSeoul, weekdayOf } from '../../server/platform/time/index.ts';
import { signIn } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { demoAccount, type RunningServer } from './server.ts';

// Booking in a real browser against the real server (demo mode), on a phone, axe on every page: the
// demo youth account finds the one-person media studio, books a free hour at 16:00 (no sample
// booking ever sits there), sees the confirmation with its calendar file, and cancels it.

/** Two or more days ahead, a day 무중력지대 opens (Monday to Saturday, not a public holiday). */
function openDay(): string {
  let d = addDays(todayInSeoul(), 2);
  while (weekdayOf(d) === 0 || isHoliday(d, { outsideTable: 'solar-only' })) d = addDays(d, 1);
  return d;
}

describe.skipIf(!hasBrowser)('booking a room in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('a young person books a media-studio slot and cancels it', async () => {
    const { context, page, errors } = await openWindow(browser, server, {
      ...PHONE,
      as: 'youth@demo.hamkke.kr',
    });

    await visit(page, '/booking', 'places');
    expect(await page.locator('main').textContent()).toContain('무중력지대-영등포');
    await page.getByRole('link', { name: /1인미디어실/ }).click();
    await settle(page);
    const resourceUrl = new URL(page.url());
    expect(resourceUrl.pathname).toMatch(/^\/booking\/resources\//);

    const day = openDay();
    await visit(page, `${resourceUrl.pathname}?date=${day}`, 'media studio, one day');
    await page.getByRole('button', { name: '16:00 예약 가능' }).click();
    await page.getByLabel('이용 목적').fill('유튜브 영상 촬영');
    await page.getByLabel('인원').fill('2');
    // The first answer is lost on the way back (the server has booked): the page sends the request
    // again with the same Idempotency-Key and shows the booking it got, not "already taken".
    const keys: string[] = [];
    await page.route('**/api/v1/booking/bookings', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.locator('form').getByRole('button', { name: '예약하기' }).click();
    await eventually(() => page.locator('#booking-done').textContent()).toContain('예약이 확정되었습니다');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
    await page.unroute('**/api/v1/booking/bookings');
    expect(await page.locator('main').textContent()).toContain('16:00–17:00');
    const ics = await page.getByRole('link', { name: /캘린더/ }).getAttribute('href');
    expect(ics).toMatch(/\/calendar\.ics$/);
    await expectAccessible(page, 'booking confirmed');

    await page.getByRole('link', { name: '내 예약 보기' }).click();
    await settle(page);
    const item = page.locator('.booking-item', { hasText: '유튜브 영상 촬영' });
    await item.first().waitFor();
    expect(await item.count(), 'one booking, though the request went twice').toBe(1);
    expect(await item.textContent()).toContain('확정');
    await expectAccessible(page, 'my bookings');
    await item.getByRole('button', { name: '예약 취소' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page, 'cancel dialog');
    await dialog.getByRole('button', { name: '예약 취소' }).click();
    await eventually(() =>
      page.locator('.booking-item', { hasText: '유튜브 영상 촬영' }).textContent(),
    ).toContain('취소됨');
    await expectAccessible(page, 'my bookings after cancelling');

    // The hour is free again.
    await visit(page, `${resourceUrl.pathname}?date=${day}`, 'media studio after cancelling');
    expect(await page.getByRole('button', { name: '16:00 예약 가능' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test("staff see the approvals queue and a space's day, block a period and book for someone", async () => {
    const staff = demoAccount(server, 'staff@demo.hamkke.kr');
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, staff.email, staff.password);
    await visit(page, '/booking/staff', 'staff bookings');
    await page.getByLabel('공간', { exact: true }).selectOption({ label: '메이커스페이스' });
    const day = openDay();
    await page.getByLabel('날짜').fill(day);
    await settle(page);
    await page.getByLabel('시작 시각').fill('20:00');
    await page.getByLabel('끝 시각').fill('21:00');
    await page.getByLabel('이용 불가 사유').fill('3D 프린터 점검');
    await page.getByRole('button', { name: '이용 불가로 정하기' }).click();
    await eventually(() => page.locator('main table').textContent()).toContain('3D 프린터 점검');
    expect(await page.locator('main table').textContent()).toContain('이용 불가');
    await expectAccessible(page, 'staff bookings with a blocked period');

    // Booking for the young person, who hears of it.
    await page.getByLabel('예약할 분의 전자우편').fill('youth@demo.hamkke.kr');
    await page.getByLabel('예약 시작').fill('18:00');
    await page.getByLabel('예약 끝').fill('19:00');
    await page.getByLabel('예약 목적').fill('전화 신청 대리 예약');
    await page.getByRole('button', { name: '대신 예약하기' }).click();
    await eventually(() => page.locator('main table').textContent()).toContain('전화 신청 대리 예약');
    expect(await page.locator('main table').textContent()).toContain('이청년');
    await expectAccessible(page, 'staff bookings after booking for someone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
