import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signIn } from './accounts.ts';
import { launchBrowser } from './browser.ts';
import { demoAccount, type RunningServer, startServer } from './server.ts';

// What every browser-journey file does around its tests: start the real server and a browser (side
// by side, not one after the other), open windows that collect the page's script errors, stop both.

export async function startJourney(
  extraEnv: Record<string, string> = {},
): Promise<{ server: RunningServer; browser: Browser }> {
  const [server, browser] = await Promise.allSettled([startServer(extraEnv), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled')
    return { server: server.value, browser: browser.value };
  // One of them failed: stop the other before reporting why.
  if (browser.status === 'fulfilled') await browser.value.close();
  if (server.status === 'fulfilled') await server.value.stop();
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

export async function stopJourney(server: RunningServer | undefined, browser: Browser | undefined) {
  await browser?.close();
  await server?.stop();
}

export interface Window {
  context: BrowserContext;
  page: Page;
  /** Script errors the page threw: a journey ends by expecting none. */
  errors: string[];
}

/** A new browser window on the server (pass PHONE for a phone), signed in as a demo account when `as` names one. */
export async function openWindow(
  browser: Browser,
  server: RunningServer,
  { as, ...options }: Parameters<Browser['newContext']>[0] & { as?: string } = {},
): Promise<Window> {
  const context = await browser.newContext({ baseURL: server.url, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (as) {
    const account = demoAccount(server, as);
    await signIn(page, server, account.email, account.password);
  }
  return { context, page, errors };
}
