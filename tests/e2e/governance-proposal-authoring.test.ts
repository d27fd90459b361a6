import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// A proposal's author edits and withdraws it (issue 11) on a phone: the edit form is filled with the
// proposal, saving shows the new title and "edited on"; withdrawing asks first, then the page says
// 작성자가 철회한 제안입니다 and offers no support, comment or amendment. The demo's sample proposal
// with a sample illustration shows it. axe on the edit form and the withdrawn page. Staff then see
// that it cannot be answered, and no answer form.

const SAMPLE = '[예시] 2020 지역사회혁신계획 주민 제안';

describe.skipIf(!hasBrowser)('a proposal’s author edits and withdraws it in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('the author edits, then withdraws; the sample proposal shows its illustration', async () => {
    const w = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance/processes', 'process list');
    await page.getByRole('link', { name: SAMPLE }).click();
    await settle(page);
    // The sample proposal with its sample illustration.
    await page.getByRole('link', { name: '하천 산책로에 그늘막과 쉼터 의자를 놓아 주십시오' }).click();
    await settle(page);
    const sample = page.getByRole('img', { name: /^예시 그림/ });
    await eventually(() => sample.count()).toBe(1);
    await sample.scrollIntoViewIfNeeded();
    await eventually(() => sample.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(480);
    await page.goBack();
    await settle(page);

    await page.getByRole('link', { name: '제안하기' }).click();
    await settle(page);
    const stamp = Date.now() % 100000;
    await page.getByRole('textbox', { name: /^제목/ }).fill(`경로당 안마의자 ${stamp}`);
    await page
      .getByRole('textbox', { name: /^내용/ })
      .fill('경로당에 안마의자를 한 대 놓아 어르신들이 쉬어 가실 수 있게 해 주십시오.');
    await page.getByRole('button', { name: '제안 올리기' }).click();
    await page.waitForURL(/\/governance\/proposals\/[0-9a-f-]{36}$/);
    await settle(page);

    await page.getByRole('button', { name: '제안 고치기' }).click();
    const title = page.getByRole('textbox', { name: /^제목/ });
    expect(await title.inputValue()).toBe(`경로당 안마의자 ${stamp}`);
    await expectAccessible(page, 'proposal edit form');
    await title.fill(`경로당 쉼터 안마의자 ${stamp}`);
    await page.getByRole('button', { name: '고친 내용 저장' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe(`경로당 쉼터 안마의자 ${stamp}`);
    await eventually(() => page.locator('main').textContent()).toContain('작성자가');

    await page.getByRole('button', { name: '제안 철회하기' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '제안 철회하기' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('작성자가 철회한 제안입니다');
    expect(await page.getByRole('button', { name: '공감하기' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '제안 고치기' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '제안 철회하기' }).count()).toBe(0);
    await expectAccessible(page, 'withdrawn proposal');
    expect(w.errors).toEqual([]);
    const withdrawnPath = new URL(page.url()).pathname;
    await w.context.close();

    // Staff see that it was withdrawn instead of the answer form (the server refuses an answer too).
    const s = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(s.page, withdrawnPath, 'withdrawn proposal, staff');
    await eventually(() => s.page.locator('main').textContent()).toContain(
      '작성자가 철회한 제안에는 답변할 수 없습니다.',
    );
    expect(await s.page.getByRole('button', { name: '답변 등록' }).count()).toBe(0);
    expect(await s.page.getByRole('heading', { name: '공식 답변 등록(직원)' }).count()).toBe(0);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
});
