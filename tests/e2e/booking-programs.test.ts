import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// Programs in a real browser against the real server (demo mode), on a phone, axe on every page: the
// demo youth account finds the one-person media creator course among the youth programs, registers
// with a birth date (the course is for ages 18–39) and cancels again.

describe.skipIf(!hasBrowser)('registering for a program in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('a young person registers for the media creator course and cancels', async () => {
    const { context, page, errors } = await openWindow(browser, server, {
      ...PHONE,
      as: 'youth@demo.hamkke.kr',
    });

    await visit(page, '/booking/programs', 'programs');
    await page.getByLabel('분야').selectOption('youth');
    await eventually(() => page.locator('main').textContent()).toContain('1인미디어 크리에이터 양성 과정');
    await expectAccessible(page, 'programs, youth');
    await page.getByRole('link', { name: '1인미디어 크리에이터 양성 과정' }).click();
    await settle(page);
    await eventually(() => page.locator('main').textContent()).toContain('1인미디어실');
    await expectAccessible(page, 'program page');

    const year = new Date().getFullYear() - 25;
    await page.getByLabel('생년월일').fill(`${year}-04-01`);
    await page.locator('form').getByRole('button', { name: '신청하기' }).click();
    await eventually(() => page.locator('#my-registration').textContent()).toContain('신청 확정');
    await expectAccessible(page, 'program page, registered');

    await page.getByRole('button', { name: '신청 취소' }).click();
    await eventually(() => page.locator('#my-registration').textContent()).toContain('신청하기');
    expect(errors).toEqual([]);
    await context.close();
  });
});
