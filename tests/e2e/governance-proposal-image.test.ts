import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testPng } from '../../server/platform/media/test-images.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// A proposal's image (issue 11) on a phone: a resident chooses a photo on the new proposal form (its
// Korean description is required once a photo is chosen), posts the proposal and sees the photo on
// the proposal page with its description as alt text, loaded lazily with its size set; the list card
// shows a small thumbnail. axe on the form and the page.

const SAMPLE = '[예시] 2020 지역사회혁신계획 주민 제안';
const ALT = '어린이 공원 입구의 부서진 나무 벤치';

describe.skipIf(!hasBrowser)('a proposal’s image in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('a resident proposes with a photo and its alt text; the page and the list show it', async () => {
    const w = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance/processes', 'process list');
    await page.getByRole('link', { name: SAMPLE }).click();
    await settle(page);
    const processPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: '제안하기' }).click();
    await settle(page);

    const mine = `공원 벤치 교체 제안 ${Date.now() % 100000}`;
    await page.getByRole('textbox', { name: /^제목/ }).fill(mine);
    await page
      .getByRole('textbox', { name: /^내용/ })
      .fill('어린이 공원 입구의 나무 벤치가 부서져 앉을 수 없습니다. 새 벤치로 바꿔 주십시오.');
    await page.getByRole('combobox', { name: /^분야/ }).selectOption('environment');
    await page.getByLabel(/^사진 파일/).setInputFiles({
      name: 'bench.png',
      mimeType: 'image/png',
      buffer: testPng(120, 80),
    });
    // A photo without its Korean description is not sent.
    await page.getByRole('button', { name: '제안 올리기' }).click();
    await eventually(() => page.locator('main').textContent()).toContain(
      '사진 설명을 한국어로 적어 주십시오.',
    );
    expect(new URL(page.url()).pathname).toMatch(/\/propose$/);
    await expectAccessible(page, 'new proposal with a photo and a missing description');

    await page.getByRole('textbox', { name: /^사진 설명\(한국어\)/ }).fill(ALT);
    await page.getByRole('button', { name: '제안 올리기' }).click();
    await page.waitForURL(/\/governance\/proposals\/[0-9a-f-]{36}$/);
    await settle(page);
    await eventually(() => page.locator('h1').textContent()).toBe(mine);
    const img = page.getByRole('img', { name: ALT });
    await eventually(() => img.count()).toBe(1);
    expect(await img.getAttribute('loading')).toBe('lazy');
    expect(await img.getAttribute('width')).toBe('120');
    expect(await img.getAttribute('height')).toBe('80');
    await img.scrollIntoViewIfNeeded();
    await eventually(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(120);
    await expectAccessible(page, 'proposal with its photo');

    // The list card carries the same image as a small thumbnail.
    await page.goto(processPath);
    await settle(page);
    await page.getByRole('combobox', { name: '정렬' }).selectOption('newest');
    const card = page.locator('.proposal-list > li', { hasText: mine });
    await eventually(() => card.locator('img.proposal-thumb').count()).toBe(1);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
