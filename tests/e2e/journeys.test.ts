import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { logIn, verificationLinkFor } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { demoAccount, type RunningServer } from './server.ts';

// Browser journeys against the real server in demo mode, with axe on every page visited.
describe.skipIf(!hasBrowser)('browser journeys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 180_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  const newPage = (options: Parameters<Browser['newContext']>[0] = {}) =>
    openWindow(browser, server, options);

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `/tmp/e2e-${name}.png`, fullPage: false });
  }

  test('public pages: home, the three areas, administration tables, privacy notice, search', async () => {
    const { context, page, errors } = await newPage(PHONE);
    await visit(page, '/', 'home');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    // The skip link is the first thing the keyboard reaches, and it leads to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    for (const path of ['/youth', '/governance', '/social-economy', '/administration', '/privacy'])
      await visit(page, path);
    expect(await page.locator('main').innerText()).toContain('회원 가입과 계정 관리');
    await visit(page, '/administration/staffing');
    expect(await page.locator('table caption').innerText()).toContain('2019');
    expect(await page.locator('tfoot').innerText()).toContain('16');
    await visit(page, '/administration/budget');
    expect(await page.locator('tfoot').innerText()).toContain('1,780,060');
    await visit(page, '/administration/plan');
    // The plan table (the page's chart has its own table for screen readers).
    expect(
      await page.getByRole('table', { name: '2019년 추진 사업별 사업비 (단위: 천원)' }).innerText(),
    ).toContain('1,119,000');
    await visit(page, '/administration/facilities');
    expect(await page.locator('main').innerText()).toContain('선유동1로 80');
    await visit(page, '/social-economy');
    expect(await page.locator('main').innerText()).toContain('258곳');
    await shot(page, 'social-economy-ko');
    // The header search box leads to the results page.
    await page.locator('#site-search').fill('청년');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await settle(page);
    await expectAccessible(page, 'search results');

    // Installable and usable offline: an opened page still opens (see offline.test.ts), any other
    // gets the offline page.
    const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    expect((await fetch(`${server.url}/icons/icon-512.png`)).headers.get('content-type')).toBe('image/png');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.goto('/youth/suggestions');
    expect(await page.locator('h1').innerText()).toBe('인터넷에 연결되어 있지 않습니다');
    await expectAccessible(page, 'offline page');
    await context.setOffline(false);
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 120_000);

  test('a resident signs up, verifies the email, switches to English, downloads their data and deletes the account', async () => {
    const email = `resident-${randomBytes(4).toString('hex')}@example.com`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const { context, page, errors } = await newPage(PHONE);

    await visit(page, '/signup', 'sign-up');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('input[name="displayName"]').fill('새구민');
    // Without the required consent the form refuses, and says why next to the checkbox.
    await page.locator('main form button[type="submit"]').click();
    await eventually(() => page.locator('.checkbox .field-error').count()).toBe(1);
    await expectAccessible(page, 'sign-up with errors');
    await page.locator('input[name="consent-account"]').check();
    await page.locator('input[name="consent-notifications"]').check();
    await page.locator('main form button[type="submit"]').click();
    await page.locator('.alert-success').waitFor();
    expect(await page.locator('.alert-success').innerText()).toContain(email);
    await expectAccessible(page, 'sign-up done');
    await shot(page, 'signup-done-ko');

    // The demo admin reads the verification email in the dev mailbox and follows its link.
    const verifyLink = await verificationLinkFor(browser, server, email);
    await page.goto(verifyLink);
    await settle(page);
    await page.locator('.alert-success').waitFor();
    await expectAccessible(page, 'email verified');

    await logIn(page, email, password);
    await page.waitForURL(`${server.url}/`);
    await page.locator('a[href="/my"]').waitFor();
    await settle(page);

    // English: the page text changes, <html lang> follows, and the choice survives a reload.
    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => page.locator('h1').innerText()).toBe('Building Yeongdeungpo together');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await settle(page);
    expect(await page.locator('h1').innerText()).toBe('Building Yeongdeungpo together');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'home in English');
    await shot(page, 'home-en');

    await visit(page, '/my', 'my page (English)');
    await shot(page, 'my-page-en');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data', exact: true }).click(),
    ]);
    const file = await download.path();
    expect(download.suggestedFilename()).toMatch(/^hamkke-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = fs.readFileSync(file, 'utf8');
    expect(exported).toContain(email);
    JSON.parse(exported);

    await page.getByRole('button', { name: 'Delete my account', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page, 'delete dialog');
    await dialog.locator('input[name="password"]').fill(password);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(/\/account-deleted$/);
    await settle(page);
    await expectAccessible(page, 'account deleted');

    // The account is gone: the same email and password no longer sign in.
    await logIn(page, email, password);
    await page.locator('.alert-danger').waitFor();
    expect(page.url()).toContain('/login');
    await expectAccessible(page, 'login refused');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);

  test('the demo staff account turns on two-factor authentication and logs in with a code', async () => {
    const staff = demoAccount(server, 'staff@demo.hamkke.kr');
    const { context, page, errors } = await newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, staff.email, staff.password);
    await page.waitForURL(`${server.url}/`);
    await visit(page, '/my', 'my page (staff)');
    await page.getByRole('button', { name: '2단계 인증 설정 시작' }).click();
    const secret = (await page.locator('[data-testid="totp-secret"]').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(await page.locator('a[href^="otpauth://"]').count()).toBe(1);
    await expectAccessible(page, 'two-factor setup');
    await page
      .locator('section[aria-labelledby="me-2fa"] input[name="code"]')
      .fill(await generate({ secret }));
    await page.getByRole('button', { name: '2단계 인증 켜기' }).click();
    await page.locator('section[aria-labelledby="me-2fa"] .alert-success').waitFor();
    await eventually(() => page.locator('.status-line').innerText()).toBe('2단계 인증을 사용하고 있습니다.');
    await shot(page, 'two-factor-on-ko');

    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.locator('a[href="/login"]').first().waitFor();

    await logIn(page, staff.email, staff.password);
    await page.locator('input[name="code"]').waitFor();
    await expectAccessible(page, 'two-factor step');
    // The code used to enable is spent; the next time step's code is within the allowed drift.
    await page
      .locator('input[name="code"]')
      .fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${server.url}/`);
    await page.locator('a[href="/my"]').waitFor();
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 120_000);
});
