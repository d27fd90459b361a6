import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refreshDemoAccounts } from '../../seed/builders/accounts.ts';
import {
  bookingProgramSessions,
  bookingPrograms,
  bookingRegistrations,
} from '../../server/modules/booking/programs/tables.ts';
import { bookingPlaces, bookingResources } from '../../server/modules/booking/tables.ts';
import { findUserByEmail } from '../../server/platform/auth/commands.ts';
import { openPglite } from '../../server/platform/db/connect.ts';
import { logIn } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { demoAccount, type RunningServer } from './server.ts';

// QR check-in at a program session, in a real browser. The demo youth account holds a confirmed
// seat in a course whose session began ten minutes ago in a demo room (written into a copy of the
// demo's database before the server starts). The time of day does not matter: the session under way
// is always the one whose QR shows and whose check-in window is open, even just before or after
// midnight in Seoul. The young person sees the QR code and its code on a phone; a tablet signed in
// with the kiosk account (not staff) lands on the choice of places, opens the place's kiosk and
// takes the code; the kiosk greets the person by
// a masked name only, then goes back to the start; on the session's roll call staff mark one person
// absent by hand, type another person's code and see both (the hand mark not lost to the refresh),
// then save them. axe on every page, on a phone and on a tablet.

const TITLE = '입실 QR 여정 강좌';
const TABLET = {
  viewport: { width: 820, height: 1180 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** A copy of the run's demo database with the course in it; the server then starts on the copy. */
async function demoWithCourse(): Promise<{
  dir: string;
  placeId: string;
  placeName: string;
  rollCall: string;
  residentCode: string;
}> {
  const template = process.env.TEST_DEMO_TEMPLATE_DIR;
  if (!template) throw new Error('TEST_DEMO_TEMPLATE_DIR is not set (tests/global-setup.ts makes it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-session-checkin-demo-'));
  fs.cpSync(template, path.join(dir, 'pglite'), { recursive: true });
  const database = await openPglite(dir, { lockCommand: 'tests/e2e/booking-session-checkin.test.ts' });
  try {
    const db = database.db;
    const [room] = await db
      .select()
      .from(bookingResources)
      .where(eq(bookingResources.code, 'zgz-media-studio'));
    const [place] = await db.select().from(bookingPlaces).where(eq(bookingPlaces.id, room.placeId));
    // The demo accounts are made at the server's first start; make them now (it refreshes them).
    await refreshDemoAccounts(db, room.organizationId);
    const youth = await findUserByEmail({ db }, 'youth@demo.hamkke.kr');
    const resident = await findUserByEmail({ db }, 'resident@demo.hamkke.kr');
    const enterprise = await findUserByEmail({ db }, 'enterprise@demo.hamkke.kr');
    if (!youth || !resident || !enterprise) throw new Error('the demo accounts are missing');
    const now = Date.now();
    const [program] = await db
      .insert(bookingPrograms)
      .values({
        organizationId: room.organizationId,
        code: 'e2e-session-checkin',
        area: 'youth',
        kind: 'course',
        titleKo: TITLE,
        titleEn: 'QR journey course',
        opensAt: new Date(now - 7 * 86_400_000),
        closesAt: new Date(now - 86_400_000),
        capacity: 10,
      })
      .returning();
    const [session] = await db
      .insert(bookingProgramSessions)
      .values({
        organizationId: room.organizationId,
        programId: program.id,
        startsAt: new Date(now - 10 * 60_000),
        endsAt: new Date(now + 50 * 60_000),
        resourceId: room.id,
      })
      .returning();
    const regs = await db
      .insert(bookingRegistrations)
      .values(
        [youth.id, resident.id, enterprise.id].map((userId) => ({
          organizationId: room.organizationId,
          programId: program.id,
          userId,
          status: 'confirmed' as const,
        })),
      )
      .returning();
    return {
      dir: path.join(dir, 'pglite'),
      placeId: place.id,
      placeName: place.nameKo,
      rollCall: `/booking/staff/programs/${program.id}/sessions/${session.id}`,
      residentCode: regs[1].checkinCode ?? '',
    };
  } finally {
    await database.close();
  }
}

describe.skipIf(!hasBrowser)('QR check-in at a program session and the kiosk in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let demo: Awaited<ReturnType<typeof demoWithCourse>>;

  beforeAll(async () => {
    const template = process.env.TEST_DEMO_TEMPLATE_DIR;
    demo = await demoWithCourse();
    process.env.TEST_DEMO_TEMPLATE_DIR = demo.dir;
    try {
      ({ server, browser } = await startJourney());
    } finally {
      process.env.TEST_DEMO_TEMPLATE_DIR = template;
    }
  }, 240_000);

  afterAll(async () => {
    await stopJourney(server, browser);
    if (demo) fs.rmSync(path.dirname(demo.dir), { recursive: true, force: true });
  }, 30_000);

  test("a person's registration shows a QR code; the kiosk account's tablet takes it and shows the masked name", async () => {
    const youth = await openWindow(browser, server, { ...PHONE, as: 'youth@demo.hamkke.kr' });
    await visit(youth.page, '/booking/programs/mine', 'my registrations with a QR code');
    const item = youth.page.locator('.booking-item', { hasText: TITLE });
    const qr = item.getByRole('img', { name: /입실 QR 코드/ });
    await eventually(() => qr.count()).toBe(1);
    expect(await item.locator('figcaption').textContent()).toContain('1인미디어실');
    const code = (await item.locator('.booking-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    // Staff find each place's kiosk on their check-in page.
    const staffDesk = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staffDesk.page, '/booking/staff/checkin', 'check-in page');
    expect(
      await staffDesk.page
        .getByRole('link', { name: `${demo.placeName} 키오스크 화면 열기` })
        .getAttribute('href'),
    ).toBe(`/booking/kiosk/${demo.placeId}`);
    expect(staffDesk.errors).toEqual([]);
    await staffDesk.context.close();

    // The tablet signs in with the kiosk account, not staff: the site takes it straight to the
    // choice of places, and its header shows no staff link.
    const tablet = await openWindow(browser, server, TABLET);
    const account = demoAccount(server, 'kiosk@demo.hamkke.kr');
    expect(account.roles).toEqual(['kiosk']);
    await logIn(tablet.page, account.email, account.password);
    await eventually(() => new URL(tablet.page.url()).pathname).toBe('/booking/kiosk');
    await settle(tablet.page);
    expect(await tablet.page.locator('h1').textContent()).toBe('키오스크 장소 선택');
    await expectAccessible(tablet.page, 'kiosk places on a tablet');
    await visit(tablet.page, '/booking', 'booking page as the kiosk account');
    await tablet.page.locator('header a[href="/my"]').waitFor();
    expect(await tablet.page.locator('header a[href="/staff"]').count()).toBe(0);
    // Staff pages stay closed to it.
    await visit(tablet.page, '/booking/staff/checkin', 'staff check-in refused to the kiosk account');
    expect(await tablet.page.locator('main').textContent()).toContain('이 화면을 볼 권한이 없습니다.');
    await visit(tablet.page, '/booking/kiosk', 'kiosk places again');
    await tablet.page.getByRole('link', { name: `${demo.placeName} 키오스크 화면 열기` }).click();
    await settle(tablet.page);
    expect(new URL(tablet.page.url()).pathname).toBe(`/booking/kiosk/${demo.placeId}`);
    // Full screen: none of the site's header, menu or footer.
    expect(await tablet.page.locator('header, footer').count()).toBe(0);
    expect(await tablet.page.locator('h1').textContent()).toContain(demo.placeName);
    expect(await tablet.page.getByRole('link', { name: '장소 선택으로' }).getAttribute('href')).toBe(
      '/booking/kiosk',
    );
    await expectAccessible(tablet.page, 'kiosk on a tablet');
    const field = tablet.page.getByRole('textbox', { name: /^입실 코드/ });
    await field.fill(code.toLowerCase());
    await tablet.page.getByRole('button', { name: '입실 확인', exact: true }).click();
    const greeting = tablet.page.locator('.kiosk-greeting');
    await eventually(() => greeting.textContent()).toBe('이*년 님, 입실을 확인했습니다');
    expect(await tablet.page.locator('main').textContent()).toContain('1인미디어실');
    // Only the masked name, and never a list of people.
    expect(await tablet.page.locator('body').textContent()).not.toContain('이청년');
    expect(await tablet.page.locator('main table, main ul li').count()).toBe(0);
    await expectAccessible(tablet.page, 'kiosk greeting on a tablet');
    // A few seconds later it is ready for the next person, the code field empty.
    await eventually(() => greeting.count(), { timeout: 15_000, interval: 200 }).toBe(0);
    await eventually(() => field.inputValue()).toBe('');

    // The same code again: already checked in, said plainly.
    await field.fill(code);
    await tablet.page.getByRole('button', { name: '입실 확인', exact: true }).click();
    await eventually(() => tablet.page.locator('main').textContent()).toContain(
      '이미 이 회차에 출석 처리된 분입니다.',
    );

    // The kiosk has no header: its own sign-out button (a large target) ends the tablet's session on
    // the server, and the sign-in page follows for the next account.
    const signOut = tablet.page.getByRole('button', { name: '로그아웃', exact: true });
    expect((await signOut.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await signOut.click();
    await eventually(() => new URL(tablet.page.url()).pathname).toBe('/login');
    const session = await tablet.context.request.get(`${server.url}/api/v1/session`);
    expect(await session.json()).toEqual(expect.objectContaining({ me: null }));
    await visit(tablet.page, `/booking/kiosk/${demo.placeId}`, 'kiosk after signing out');
    expect(await tablet.page.locator('main').textContent()).toContain('로그인이 필요한 화면입니다.');

    // The kiosk on a phone is accessible too (staff may still open it).
    const phone = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(phone.page, `/booking/kiosk/${demo.placeId}`, 'kiosk on a phone');
    expect(youth.errors).toEqual([]);
    expect(tablet.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
    await youth.context.close();
    await tablet.context.close();
    await phone.context.close();
  }, 180_000);

  test("staff mark one person by hand and type another's code on the roll call: both marks stay until saved", async () => {
    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staff.page, demo.rollCall, 'roll call with the code field');
    const person = staff.page.getByRole('group', { name: '박구민' });
    const byHand = staff.page.getByRole('group', { name: '최대표' });
    expect(await person.getByRole('radio', { name: '출석' }).isChecked()).toBe(false);
    expect(await byHand.getByRole('radio', { name: '결석' }).isChecked()).toBe(false);
    // A mark by hand, not saved yet.
    await byHand.getByRole('radio', { name: '결석' }).check();
    await staff.page.getByRole('textbox', { name: /^입실 코드/ }).fill(demo.residentCode);
    await staff.page.getByRole('button', { name: '출석 확인', exact: true }).click();
    await eventually(() => staff.page.locator('main').textContent()).toContain(
      '박구민 님 출석을 확인했습니다',
    );
    await eventually(() => person.getByRole('radio', { name: '출석' }).isChecked()).toBe(true);
    // The list came back from the server with the scanned person present; the hand mark is still there.
    expect(await byHand.getByRole('radio', { name: '결석' }).isChecked()).toBe(true);
    expect(await byHand.getByText('미확인').count()).toBe(0);
    await expectAccessible(staff.page, 'roll call after a code check-in');
    await staff.page.getByRole('button', { name: '이 쪽 출석 저장' }).click();
    await eventually(() => staff.page.locator('main').textContent()).toContain('결석 1명');
    // Saved: a fresh page shows both from the server.
    await visit(staff.page, demo.rollCall, 'roll call, saved');
    await eventually(() => byHand.getByRole('radio', { name: '결석' }).isChecked()).toBe(true);
    expect(await person.getByRole('radio', { name: '출석' }).isChecked()).toBe(true);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  }, 120_000);
});
