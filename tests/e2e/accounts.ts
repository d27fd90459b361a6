import type { Browser, Page } from 'playwright-core';
import { eventually, expectAccessible, settle, visit, WORKER_WAIT } from './browser.ts';
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
    // The email reaches the mailbox when the worker dispatches it: wait at the worker's cadence.
    const row = page.locator('tr', { hasText: email });
    await eventually(async () => {
      await page.goto('/admin/mailbox');
      await settle(page);
      return row.count();
    }, WORKER_WAIT).toBeGreaterThan(0);
    await expectAccessible(page, 'dev mailbox');
    await row.locator('a').first().click();
    await settle(page);
    await expectAccessible(page, 'dev mailbox message');
    const link = await page.locator('a[href*="verify-email?token="]').first().getAttribute('href');
    if (!link) throw new Error(`the email to ${email} has no verification link`);
    return link;
  } finally {
    await context.close();
  }
}
