import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, launchBrowser, PHONE, settle, visit } from './browser.ts';
import { demoAccount, type RunningServer, startServer } from './server.ts';

// Programs in a real browser against the real server (demo mode), on a phone, axe on every page: the
// demo youth account finds the one-person media creator course among the youth programs, registers
// with a birth date (the course is for ages 18–39) and cancels again.

describe.skipIf(!hasBrowser)('registering for a program in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  test('a young person registers for the media creator course and cancels', async () => {
    const youth = demoAccount(server, 'youth@demo.hamkke.kr');
    const context = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, youth.email, youth.password);

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
