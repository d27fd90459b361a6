import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Debian's Chromium, never a test tool's own download. Without it the journeys skip, except under CI.
export const CHROMIUM = '/usr/bin/chromium';
export const hasBrowser = fs.existsSync(CHROMIUM);
if (!hasBrowser && process.env.CI === 'true') {
  throw new Error(`CI=true but ${CHROMIUM} is missing: install Debian's chromium and fonts-nanum`);
}
if (!hasBrowser)
  console.warn(
    `Skipping browser journeys: ${CHROMIUM} is not installed (apt-get install chromium fonts-nanum).`,
  );

/**
 * Journeys are written for a Korean browser: a context opened without a locale gets ko-KR. (Chromium
 * says en-US otherwise, and the site follows the browser's language on a first visit.) A journey
 * about the browser's language passes its own.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const open = browser.newContext.bind(browser);
  browser.newContext = (options) => open({ locale: 'ko-KR', ...options });
  return browser;
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with a readable list of what it found. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A toast fading in would be measured half-transparent (a false colour-contrast failure): wait for
  // finite animations to end first; endless ones (a spinner) are left running.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect(found, `axe violations on ${label} (${page.url()})`).toEqual([]);
}

// How long journeys wait, after the app's own cadence rather than a guess of how fast a machine is.
// The pages have no debounce: they change as soon as the server answers, which on a loaded 2-core
// machine can take seconds (vitest's expect.poll gives up after 1 s). Checked every 50 ms as vitest
// does, so the passing path is as fast as before.
export const PAGE_WAIT = { timeout: 30_000, interval: 50 };
// Mails and notifications go out through the worker: pg-boss polls each queue every second, and rows
// a dispatch missed are swept by the notify job's minute schedule (server/platform/jobs/boss.ts,
// server/platform/notify/jobs.ts). So one missed dispatch plus a minute, checked every second.
export const WORKER_WAIT = { timeout: 90_000, interval: 1_000 };

/** expect.poll at the page's cadence (PAGE_WAIT), or another one such as WORKER_WAIT. */
export function eventually<T>(read: () => T, wait: { timeout: number; interval: number } = PAGE_WAIT) {
  return expect.poll(read, wait);
}

/** Waits for the page's h1 (the app renders client-side) and for data loading to finish. */
export async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: PAGE_WAIT.timeout });
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, {
    timeout: PAGE_WAIT.timeout,
  });
}

export async function visit(page: Page, url: string, label = url): Promise<void> {
  await page.goto(url);
  await settle(page);
  await expectAccessible(page, label);
}
