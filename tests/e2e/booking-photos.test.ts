import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testPng } from '../../server/platform/media/test-images.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// Place and room photos in a real browser against the real server (demo mode), axe on every page: a
// resident on a phone sees the demo place's sample illustration on a room's page, loaded, with its
// alt text and its size set; staff upload a photo of the room with alt text on its edit page, the
// room's page then shows it, and staff remove it again.

interface PlaceList {
  items: Array<{
    code: string;
    photos?: unknown[];
    resources: Array<{ id: string; code: string; name: string }>;
  }>;
}

describe.skipIf(!hasBrowser)('booking photos in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let roomId: string;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    const places = (await (await fetch(`${server.url}/api/v1/booking/places`)).json()) as PlaceList;
    const zone = places.items.find((p) => p.code === 'zero-gravity-zone');
    roomId = zone?.resources.find((r) => r.code === 'zgz-education')?.id ?? '';
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test("a resident sees the place's sample photo with its alt text on a room's page", async () => {
    expect(roomId).not.toBe('');
    const { context, page, errors } = await openWindow(browser, server, PHONE);
    await visit(page, `/booking/resources/${roomId}`, 'room page with a photo');
    const photo = page.locator('.booking-photos img').first();
    await photo.scrollIntoViewIfNeeded();
    expect(await photo.getAttribute('alt')).toContain('예시 그림');
    expect(await photo.getAttribute('loading')).toBe('lazy');
    expect(Number(await photo.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await photo.getAttribute('height'))).toBeGreaterThan(0);
    await eventually(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(
      480,
    );
    // It fits the phone's width (responsive), with no sideways scroll of the page.
    const box = await photo.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await visit(page, '/booking', 'booking home with place photos');
    expect(await page.locator('.booking-photos img').count()).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test('staff upload a photo of a room with alt text, it shows on the room page, and they remove it', async () => {
    const { context, page, errors } = await openWindow(browser, server, { as: 'staff@demo.hamkke.kr' });
    await visit(page, `/booking/staff/resources/${roomId}`, 'room rules with photos');
    await page.getByRole('heading', { name: '공간 사진' }).waitFor();
    // The alt text is required: refused on the page, with the field named.
    await page
      .getByLabel('사진 파일')
      .setInputFiles({ name: 'room.jpg', mimeType: 'image/jpeg', buffer: testPng(64, 48) });
    await page.getByRole('button', { name: '사진 올리기' }).click();
    await eventually(() => page.locator('main').textContent()).toContain(
      '사진 설명을 한국어로 적어 주십시오.',
    );
    await expectAccessible(page, 'photo form with errors');
    await page.getByLabel('사진 설명(한국어)').fill('시험용 교육실 사진: 긴 탁자와 의자 열두 개');
    await page.getByLabel('사진 설명(영어, 권장)').fill('Test photo of the education room');
    await page.getByRole('button', { name: '사진 올리기' }).click();
    await eventually(() => page.locator('[role="status"]').first().textContent()).toContain(
      '사진을 올렸습니다',
    );
    await eventually(() => page.locator('.booking-staff-photos img').count()).toBe(1);
    await expectAccessible(page, 'room rules with one photo');

    const resident = await openWindow(browser, server);
    await visit(resident.page, `/booking/resources/${roomId}`, 'room page with its own photo');
    await eventually(() => resident.page.locator('.booking-photos img').first().getAttribute('alt')).toBe(
      '시험용 교육실 사진: 긴 탁자와 의자 열두 개',
    );
    await resident.context.close();

    await page.getByRole('button', { name: /사진 지우기: 시험용 교육실 사진/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: '지우기' }).click();
    await eventually(() => page.locator('[role="status"]').first().textContent()).toContain(
      '사진을 지웠습니다',
    );
    await eventually(() => page.locator('.booking-staff-photos img').count()).toBe(0);
    await settle(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000); // two windows, a sign-in and three pages, each checked with axe
});
