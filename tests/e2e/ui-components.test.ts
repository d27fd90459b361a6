import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, launchBrowser, PHONE } from './browser.ts';

// The shared ui components (web/src/ui) that the next modules will use, in Chromium with axe: the
// toast is heard in a polite live region, leaves by itself and waits while hovered; the confirm
// dialog starts on 취소, keeps focus inside, answers, and gives focus back; the pagers announce what
// is shown and keep the cursors they came through; the wide table's region says it scrolls, with a
// visible hint; skeletons stand still under reduced motion. No server: the components are bundled
// with esbuild from the sources and served to the page from memory.

let bundle: { js: string; css: string };

describe.skipIf(!hasBrowser)('shared ui components in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    const result = await build({
      entryPoints: [path.join(import.meta.dirname, 'ui-harness.tsx')],
      bundle: true,
      write: false,
      outdir: '/harness',
      format: 'esm',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.PROD': 'true' },
      logLevel: 'silent',
    });
    const file = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
    bundle = { js: file('.js'), css: file('.css') };
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'ko-KR', ...options });
    const page = await context.newPage();
    await page.route('http://harness.test/**', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/app.js')
        return route.fulfill({ contentType: 'text/javascript', body: bundle.js });
      if (url.pathname === '/app.css') return route.fulfill({ contentType: 'text/css', body: bundle.css });
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>공용 화면 요소</title><link rel="stylesheet" href="/app.css"></head><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>',
      });
    });
    await page.goto('http://harness.test/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  test('toast: a polite live region, gone by itself, kept while hovered; axe-clean', async () => {
    const page = await open();
    const region = page.getByRole('region', { name: '알림 메시지' }).getByRole('status');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect(await region.textContent()).toBe(''); // there before anything is said, so it is heard
    await expectAccessible(page, 'ui components');

    await page.getByRole('button', { name: '알림 띄우기' }).click();
    await eventually(() => region.textContent()).toContain('저장했습니다.');
    await expectAccessible(page, 'a toast shown');
    await eventually(() => region.locator('.toast').count(), { timeout: 10_000, interval: 100 }).toBe(0);

    // Hovered, it stays past its time; let go, it leaves.
    await page.getByRole('button', { name: '알림 띄우기' }).click();
    await page.locator('.toast').hover();
    await page.waitForTimeout(2500);
    expect(await region.locator('.toast').count()).toBe(1);
    await page.mouse.move(0, 0);
    await eventually(() => region.locator('.toast').count(), { timeout: 10_000, interval: 100 }).toBe(0);

    // Its close button (named for screen readers) removes it at once.
    await page.getByRole('button', { name: '알림 띄우기' }).click();
    await region.getByRole('button', { name: '닫기' }).click();
    expect(await region.locator('.toast').count()).toBe(0);
  });

  test('confirm dialog: focus on 취소, trapped, Escape cancels, focus returns; confirm answers yes', async () => {
    const page = await open();
    const opener = page.getByRole('button', { name: '제안 삭제' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '제안을 삭제하시겠습니까?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('삭제하면 되돌릴 수 없습니다.');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toBe('취소');
    await expectAccessible(page, 'confirm dialog open');
    // Tab moves between the dialog's buttons and does not reach the page behind it.
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('dialog'));
      if (inside) seen.add(await focused());
      else expect(await page.evaluate(() => document.activeElement?.closest('main') === null)).toBe(true);
    }
    expect([...seen].sort()).toEqual(['삭제', '취소']);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('#answer').textContent()).toBe('취소함');
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

    await opener.click();
    await dialog.getByRole('button', { name: '삭제' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('#answer').textContent()).toBe('삭제함');
  });

  test('pagers: the count is announced; prev/next keeps the cursors it came through', async () => {
    const page = await open();
    const more = page.locator('.pager').first();
    expect(await more.getByRole('status').textContent()).toBe('10건을 보고 있습니다. 더 있습니다.');
    await more.getByRole('button', { name: '더 보기' }).click();
    await more.getByRole('button', { name: '더 보기' }).click();
    await eventually(() => more.getByRole('status').textContent()).toBe('30건을 보고 있습니다.');
    expect(await more.getByRole('button').count()).toBe(0);

    const nav = page.getByRole('navigation', { name: '목록 페이지' });
    const previous = nav.getByRole('button', { name: '이전' });
    const next = nav.getByRole('button', { name: '다음' });
    expect(await previous.isDisabled()).toBe(true);
    await next.click();
    await next.click();
    expect(await nav.getByRole('status').textContent()).toBe('3쪽, 10건을 보고 있습니다.');
    expect(await page.locator('#cursor').textContent()).toBe('cursor-3');
    expect(await next.isDisabled()).toBe(true); // the last page has no nextCursor
    await previous.click();
    expect(await page.locator('#cursor').textContent()).toBe('cursor-2');
    await previous.click();
    expect(await page.locator('#cursor').textContent()).toBe('첫 쪽');
    expect(await previous.isDisabled()).toBe(true);
    await expectAccessible(page, 'pagers');
  });

  test('on a phone: the wide table scrolls in a labelled region with a hint; skeletons hold still under reduced motion', async () => {
    const page = await open({ ...PHONE, reducedMotion: 'reduce' });
    const region = page.getByRole('region', { name: /넓은 표/ });
    await eventually(() => region.getAttribute('aria-label')).toBe('넓은 표, 옆으로 스크롤할 수 있는 표');
    const hint = page.locator('.responsive-table-hint');
    expect(await hint.isVisible()).toBe(true);
    expect(await region.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));
    // The keyboard reaches it and arrow keys scroll it.
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await eventually(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

    const skeleton = page.locator('.skeleton');
    expect(await skeleton.getByRole('status').count()).toBe(0); // the status is the skeleton itself
    expect(await skeleton.getAttribute('role')).toBe('status');
    expect(await skeleton.textContent()).toBe('내용을 불러오는 중입니다.');
    expect(
      await skeleton
        .locator('.skeleton-line')
        .first()
        .evaluate((el) => getComputedStyle(el).animationName),
    ).toBe('none');
    // The empty state: its heading and the next step.
    expect(await page.getByRole('heading', { level: 2, name: '찾는 정책이 없습니다' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '분야별로 보기' }).count()).toBe(1);
    await expectAccessible(page, 'ui components on a phone');

    // With motion allowed, the skeleton shimmers.
    const moving = await open(PHONE);
    expect(
      await moving
        .locator('.skeleton-line')
        .first()
        .evaluate((el) => getComputedStyle(el).animationName),
    ).toBe('skeleton-shimmer');
  });
});
