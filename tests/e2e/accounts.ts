import type { Browser, Page } from 'playwright-core';
import { expectAccessible, settle, visit } from './browser.ts';
import { demoAccount, type RunningServer } from './server.ts';

// Account steps several journeys take in the browser: logging in, and reading a verification link
// from the dev mailbox as the demo admin (the demo keeps emails there instead of sending them).

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await visit(page, '/login', 'login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('main form button[type="submit"]').click();
}

/** Logs in and waits for the home page of a signed-in person. */
export async function signIn(
  page: Page,
  server: RunningServer,
  email: string,
  password: string,
): Promise<void> {
  await logIn(page, email, password);
  await page.waitForURL(`${server.url}/`);
  await page.locator('a[href="/my"]').waitFor();
}

export async function verificationLinkFor(
  browser: Browser,
  server: RunningServer,
  email: string,
): Promise<string> {
  const admin = demoAccount(server, 'admin@demo.hamkke.kr');
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await logIn(page, admin.email, admin.password);
    await page.waitForURL(`${server.url}/`);
    for (let attempt = 0; attempt < 30; attempt++) {
      await visit(page, '/admin/mailbox', 'dev mailbox');
      const row = page.locator('tr', { hasText: email });
      if ((await row.count()) > 0) {
        await row.locator('a').first().click();
        await settle(page);
        await expectAccessible(page, 'dev mailbox message');
        const link = await page.locator('a[href*="verify-email?token="]').first().getAttribute('href');
        if (link) return link;
      }
      await page.waitForTimeout(1000);
    }
    throw new Error(`no verification email for ${email} reached the dev mailbox`);
  } finally {
    await context.close();
  }
}
