import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { type RunningServer, staffSession } from './server.ts';

// The staff's booking pages in a real browser against the real server (demo mode), axe on every page:
// staff add a room from the rooms list and retire it again (a resident no longer finds it), and
// create a course with one session, which residents then find among the programs; after a town hall
// they publish its minutes, which everyone reads on its page.

const seoulInput = (daysAhead: number, hour: number) => {
  const d = new Date(Date.now() + 9 * 3_600_000 + daysAhead * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

describe.skipIf(!hasBrowser)("the staff's booking pages in the browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('staff add a room and retire it; a resident no longer finds it', async () => {
    const { context, page, errors } = await openWindow(browser, server, { as: 'staff@demo.hamkke.kr' });
    const name = '시험용 소회의실 가';

    await visit(page, '/booking/staff/resources', 'rooms');
    await page.getByRole('link', { name: '공간 추가' }).click();
    await settle(page);
    await eventually(() => page.locator('h1').textContent()).toContain('예약 공간 추가');
    // Missing names are refused on the page, with the field named.
    await page.getByRole('button', { name: '추가하기' }).click();
    await eventually(() => page.locator('.field-error').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'new room with errors');
    await page.getByLabel('이름 (한국어)').fill(name);
    await page.getByLabel('이름 (영어)').fill('Test meeting room A');
    await page.getByRole('button', { name: '추가하기' }).click();
    await eventually(() => page.locator('[role="status"]').first().textContent()).toContain('추가했습니다');
    await eventually(() => page.locator('main').textContent()).toContain(name);

    const publicPlaces = async () => (await fetch(`${server.url}/api/v1/booking/places`)).text();
    expect(await publicPlaces()).toContain(name);

    await page.getByRole('link', { name: new RegExp(name) }).click();
    await settle(page);
    await page.getByRole('button', { name: '운영 종료하기' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('확인하는 칸에 표시해 주십시오');
    await expectAccessible(page, 'room rules with retire');
    await page.getByLabel(/새 예약을 더 받지 않는 것을 확인했습니다/).check();
    await page.getByRole('button', { name: '운영 종료하기' }).click();
    await eventually(() => page.locator('[role="status"]').first().textContent()).toContain(
      '운영을 종료했습니다',
    );
    await eventually(publicPlaces).not.toContain(name);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('staff create a course with one session and residents find it', async () => {
    const { context, page, errors } = await openWindow(browser, server, { as: 'staff@demo.hamkke.kr' });
    const title = '시험용 목공 기초 강좌';

    await visit(page, '/staff', 'staff home');
    await page.getByRole('link', { name: '강좌·행사 운영' }).first().click();
    await settle(page);
    await page.getByRole('link', { name: '새 프로그램' }).click();
    await settle(page);
    await eventually(() => page.locator('h1').textContent()).toContain('새 강좌·행사 만들기');
    await page.getByLabel('제목 (한국어)').fill(title);
    await page.getByLabel('제목 (영어)').fill('Test woodworking basics');
    await page.getByLabel('소개 (한국어)').fill('나무를 다루는 기초를 배웁니다.');
    await page.getByLabel('소개 (영어)').fill('Learn the basics of working with wood.');
    await page.getByLabel('신청 시작 (한국 시간)').fill(seoulInput(-1, 9));
    await page.getByLabel('신청 마감 (한국 시간)').fill(seoulInput(10, 18));
    await page.getByLabel('정원 (명)').fill('12');
    await page.getByLabel('1회차 시작').fill(seoulInput(14, 10));
    await page.getByLabel('1회차 끝').fill(seoulInput(14, 12));
    await page.getByLabel('1회차 주소').fill('영등포구 당산로 123');
    await expectAccessible(page, 'new program');
    await page.getByRole('button', { name: '저장' }).click();
    await eventually(() => page.locator('[role="status"]').first().textContent()).toContain('만들었습니다');

    await visit(page, '/booking/programs', 'programs');
    await eventually(() => page.locator('main').textContent()).toContain(title);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('after a town hall staff publish its minutes and everyone reads them', async () => {
    const hour = 3_600_000;
    const at = (h: number) => new Date(Date.now() + h * hour).toISOString();
    const made = await (await staffSession(server))('POST', '/api/v1/booking/staff/programs', {
      code: `e2e-minutes-${Date.now()}`,
      area: 'governance',
      kind: 'town_hall',
      titleKo: '시험용 골목 타운홀미팅',
      titleEn: 'Test alley town hall',
      opensAt: at(-100),
      closesAt: at(-5),
      capacity: 30,
      sessions: [{ startsAt: at(-3), endsAt: at(-1), address: '영등포구청 별관' }],
    });
    expect(made.status).toBe(200);
    const { id } = (await made.json()) as { id: string };
    const { context, page, errors } = await openWindow(browser, server, { as: 'staff@demo.hamkke.kr' });
    await visit(page, `/booking/staff/programs/${id}`, 'staff program');
    const minutes = page.getByRole('region', { name: '회의록' });
    await minutes.getByRole('button', { name: '회의록 공개' }).click();
    await eventually(() => minutes.locator('.field-error').count()).toBe(1);
    await minutes
      .getByLabel('회의록 (논의 내용과 결정 사항)')
      .fill('참석 24명.\n골목 주차 문제를 2020년 의제로 올리기로 합의했습니다.');
    await minutes.getByRole('button', { name: '회의록 공개' }).click();
    await eventually(() => minutes.textContent()).toContain('회의록을 공개했습니다');
    await expectAccessible(page, 'staff program with minutes');
    await context.close();

    const reader = await openWindow(browser, server, { ...PHONE });
    await visit(reader.page, `/booking/programs/${id}`, 'program with minutes');
    const outcome = reader.page.getByRole('region', { name: '회의 결과' });
    await eventually(() => outcome.textContent()).toContain('2020년 의제로 올리기로 합의했습니다');
    await expectAccessible(reader.page, 'program page with minutes');
    expect([...errors, ...reader.errors]).toEqual([]);
    await reader.context.close();
  });
});
