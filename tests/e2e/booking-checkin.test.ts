import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refreshDemoAccounts } from '../../seed/builders/accounts.ts';
import {
  bookingBookings,
  bookingResources,
  bookingSuspensions,
} from '../../server/modules/booking/tables.ts';
import { findUserByEmail } from '../../server/platform/auth/commands.ts';
import { openPglite } from '../../server/platform/db/connect.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// Check-in by QR code in a real browser on a phone, axe on every page. The demo youth account holds a
// confirmed booking starting in five minutes (written into a copy of the demo's database before the
// server starts: no opening hours or booking window allow one that close through the API at every
// hour of the day). The young person sees the QR code and its check-in code; staff reach the
// check-in page from the staff home and type the code (the camera is not there headless); the young
// person's booking then shows as checked in. The demo resident, suspended after two no-shows, appeals
// from their bookings page; staff reject the appeal with a reason from the appeals page.

const PURPOSE = '입실 확인 여정';

/** A copy of the run's demo database with the booking in it; the server then starts on the copy. */
async function demoWithBooking(): Promise<string> {
  const template = process.env.TEST_DEMO_TEMPLATE_DIR;
  if (!template) throw new Error('TEST_DEMO_TEMPLATE_DIR is not set (tests/global-setup.ts makes it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-checkin-demo-'));
  fs.cpSync(template, path.join(dir, 'pglite'), { recursive: true });
  const database = await openPglite(dir, { lockCommand: 'tests/e2e/booking-checkin.test.ts' });
  try {
    const db = database.db;
    // The demo accounts are made at the server's first start; make them now (it refreshes them).
    const [anyRoom] = await db.select().from(bookingResources).limit(1);
    await refreshDemoAccounts(db, anyRoom.organizationId);
    const youth = await findUserByEmail({ db }, 'youth@demo.hamkke.kr');
    const resident = await findUserByEmail({ db }, 'resident@demo.hamkke.kr');
    if (!youth || !resident) throw new Error('the demo accounts are missing');
    // The demo resident's booking is suspended after two no-shows (the sweep's work, written here).
    await db.insert(bookingSuspensions).values({
      organizationId: anyRoom.organizationId,
      userId: resident.id,
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 30 * 86_400_000),
      noShows: 2,
    });
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5 * 60_000);
    const end = new Date(start.getTime() + 60 * 60_000);
    // The first demo room free at that hour (sample bookings hold some).
    for (const code of ['zgz-media-studio', 'zgz-maker-space', 'sec-meeting', 'yas-counselling']) {
      const [room] = await db.select().from(bookingResources).where(eq(bookingResources.code, code));
      const taken = await db
        .insert(bookingBookings)
        .values({
          organizationId: room.organizationId,
          resourceId: room.id,
          userId: youth.id,
          period: sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`,
          status: 'confirmed',
          purpose: PURPOSE,
        })
        .then(
          () => false,
          () => true,
        );
      if (!taken) return path.join(dir, 'pglite');
    }
    throw new Error('no demo room was free for the check-in journey');
  } finally {
    await database.close();
  }
}

describe.skipIf(!hasBrowser)('check-in by QR code in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let copy: string;

  beforeAll(async () => {
    const template = process.env.TEST_DEMO_TEMPLATE_DIR;
    copy = await demoWithBooking();
    process.env.TEST_DEMO_TEMPLATE_DIR = copy;
    try {
      ({ server, browser } = await startJourney());
    } finally {
      process.env.TEST_DEMO_TEMPLATE_DIR = template;
    }
  }, 240_000);

  afterAll(async () => {
    await stopJourney(server, browser);
    if (copy) fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  }, 30_000);

  test('staff check a person in by their code; the booking then shows as checked in', async () => {
    const youth = await openWindow(browser, server, { ...PHONE, as: 'youth@demo.hamkke.kr' });
    await visit(youth.page, '/booking/mine', 'my bookings with a QR code');
    const item = youth.page.locator('.booking-item', { hasText: PURPOSE });
    const qr = item.getByRole('img', { name: /입실 QR 코드/ });
    expect(await qr.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await item.locator('figcaption').textContent()).toContain('무중력지대');
    const code = (await item.locator('.booking-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await expectAccessible(youth.page, 'my bookings with a QR code');

    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staff.page, '/staff', 'staff home');
    expect(await staff.page.getByRole('link', { name: '공간 이용 통계' }).count()).toBe(1);
    await staff.page.getByRole('link', { name: '입실 확인(QR·명단)' }).click();
    await settle(staff.page);
    expect(new URL(staff.page.url()).pathname).toBe('/booking/staff/checkin');
    // No camera headless: the page says so and the code field is there.
    await eventually(() => staff.page.locator('main').textContent()).toContain('입실 코드를 입력해 주십시오');
    await expect
      .poll(() => staff.page.locator('main table').textContent(), { timeout: 30_000 })
      .toContain('입실 전');
    await expectAccessible(staff.page, 'check-in page');
    await staff.page.getByRole('textbox', { name: /^입실 코드/ }).fill(code.toLowerCase());
    await staff.page.getByRole('button', { name: '입실 확인', exact: true }).click();
    await eventually(() => staff.page.locator('main').textContent()).toContain(
      '이청년 님 입실을 확인했습니다',
    );
    await eventually(() =>
      staff.page.locator('main tr', { hasText: '이청년' }).first().textContent(),
    ).toMatch(/\d\d:\d\d 입실/);

    await youth.page.reload();
    await settle(youth.page);
    const after = youth.page.locator('.booking-item', { hasText: PURPOSE });
    await eventually(() => after.textContent()).toContain('입실 확인됨');
    expect(await after.locator('.booking-code').count()).toBe(0);

    // Usage statistics (last 4 weeks): the room booked today is counted; charts with tables, axe clean.
    await visit(staff.page, '/booking/staff/stats', 'usage statistics');
    await eventually(() => staff.page.locator('main').textContent()).toContain('공간별 수치');
    const figures = staff.page.locator('main table', { hasText: '끝난 확정 예약' });
    await eventually(() => figures.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await staff.page.getByRole('heading', { name: '시간대별 이용률' }).count()).toBe(1);
    expect(youth.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await youth.context.close();
    await staff.context.close();
  }, 120_000);

  test('a suspended person appeals; staff answer from the appeals page', async () => {
    const resident = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    await visit(resident.page, '/booking/mine', 'my bookings while suspended');
    const notice = resident.page.locator('main .alert', { hasText: '공간 예약이 정지되었습니다' });
    expect(await notice.textContent()).toContain('2번');
    await resident.page.getByRole('textbox', { name: /^이의 신청 내용/ }).fill('병원 진료가 길어졌습니다.');
    await resident.page.getByRole('button', { name: '이의 신청하기' }).click();
    await eventually(() => notice.textContent()).toContain('담당자가 검토하고 있습니다');
    await expectAccessible(resident.page, 'my bookings, appeal sent');

    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staff.page, '/booking/staff/appeals', 'appeals');
    const item = staff.page.locator('.booking-item', { hasText: '병원 진료가 길어졌습니다.' });
    expect(await item.textContent()).toContain('박구민');
    await expectAccessible(staff.page, 'appeals');
    await item.getByRole('button', { name: '이의 기각' }).click();
    const dialog = staff.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^답변/ }).fill('미리 취소할 수 있었습니다.');
    await dialog.getByRole('button', { name: '이의 기각' }).click();
    await eventually(() => staff.page.locator('main').textContent()).toContain(
      '답변을 기다리는 이의 신청이 없습니다',
    );
    expect(resident.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await resident.context.close();
    await staff.context.close();
  }, 120_000);

  test("staff change a room's rules from the staff home; the form refuses a daily limit off the slot grid", async () => {
    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staff.page, '/staff', 'staff home');
    await staff.page.getByRole('link', { name: '공간·예약 규칙 관리' }).click();
    await settle(staff.page);
    expect(new URL(staff.page.url()).pathname).toBe('/booking/staff/resources');
    await expectAccessible(staff.page, 'places and rules');
    await staff.page.locator('main .booking-resources a').first().click();
    await settle(staff.page);
    await expectAccessible(staff.page, "a room's rules");
    const day = staff.page.getByRole('spinbutton', { name: /^한 사람이 하루에 쓸 수 있는 시간/ });
    await staff.page.getByRole('spinbutton', { name: /^예약 단위/ }).fill('60');
    await day.fill('90');
    await staff.page.getByRole('button', { name: '저장하기' }).click();
    await eventually(() => staff.page.locator('main').textContent()).toContain(
      '하루 최대 이용 시간은 예약 단위의 배수여야 합니다.',
    );
    await day.fill('120');
    await staff.page.getByRole('button', { name: '저장하기' }).click();
    await eventually(() => staff.page.locator('body').textContent()).toContain('저장했습니다.');
    await staff.page.goBack();
    await staff.page.locator('main a', { hasText: '운영 시간·휴관일 관리' }).first().click();
    await settle(staff.page);
    await eventually(() => staff.page.locator('main').textContent()).toContain('요일별 운영 시간');
    await expectAccessible(staff.page, "a place's hours and closed dates");
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  }, 120_000);
});
