import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { youthPolicyRecords } from '../fixtures/youth-policies.ts';
import { eventually, expectAccessible, hasBrowser, settle, visit } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import { importPoliciesAsStaff, type RunningServer } from './server.ts';

// Issue 9, item 4: the policy search forgives what people type. In a real browser against the real
// server (demo mode: its local policies are run by 영등포구) with the fixture's national records:
// a 자모 typo, an English word and a place find policies; the typo fallback offers "did you mean"
// as a link, in Korean and in English; an answer with nothing in it says what to do next.
describe.skipIf(!hasBrowser)('youth policy search in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    const res = await importPoliciesAsStaff(server, youthPolicyRecords());
    expect(res.status, await res.clone().text()).toBe(200);
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  const titles = (page: Page) => page.locator('main .card-list .card-title').allInnerTexts();
  const didYouMean = (page: Page) => page.locator('main .youth-did-you-mean');

  async function searchFor(page: Page, q: string): Promise<void> {
    await page.locator('search input[name="q"]').fill(q);
    await page.getByRole('button', { name: /정책 찾기|Find policies/ }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await settle(page);
  }

  test('typos, English words and places find policies; "did you mean" and the empty answer lead on', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'ko-KR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await visit(page, '/youth/policies', 'policy list');

    // 월쇄 (one vowel off): the 월세 policies, and the corrected word offered as a link.
    await searchFor(page, '월쇄');
    await eventually(() => titles(page)).toEqual(expect.arrayContaining(['음성군 청년월세 지원사업']));
    await eventually(() => didYouMean(page).textContent()).toContain('이런 검색어를 찾으셨나요?');
    expect(await didYouMean(page).textContent()).toContain('‘월세’ 검색 결과');
    await expectAccessible(page, 'results of the typo fallback');
    await didYouMean(page).getByRole('link', { name: '월세' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '월세');
    await settle(page);
    await eventually(() => titles(page)).toEqual(expect.arrayContaining(['음성군 청년월세 지원사업']));
    expect(await didYouMean(page).count()).toBe(0);

    // An English word: the housing (주거) policies.
    await searchFor(page, 'housing');
    await eventually(() => titles(page).then((t) => t[0])).toContain('주거');
    expect(await didYouMean(page).count()).toBe(0);

    // A place: the demo's policies run by 영등포구, whose titles do not say so.
    await searchFor(page, '영등포');
    await eventually(() => titles(page)).toEqual(expect.arrayContaining(['1인 미디어 크리에이터 양성 과정']));

    // Nothing close: what to try next, fields to browse and a way to clear the conditions.
    await page.locator('select[name="status"]').selectOption('closed');
    await searchFor(page, '쀍쀍쀍');
    const empty = page.locator('main .empty-state');
    await eventually(() => empty.locator('h3').textContent()).toBe('찾는 정책이 없습니다');
    expect((await empty.getByRole('link').allInnerTexts()).map((t) => t.trim())).toEqual([
      '일자리',
      '주거',
      '교육',
      '복지·문화',
      '참여·권리',
    ]);
    await expectAccessible(page, 'empty answer with next steps');
    await empty.getByRole('button', { name: '검색 조건 모두 지우기' }).click();
    await page.waitForURL((url) => url.pathname === '/youth/policies' && url.search === '');
    await settle(page);
    await eventually(() => titles(page).then((t) => t.length)).toBe(20);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    expect(await page.locator('search input[name="q"]').inputValue()).toBe('');
    // A field from the empty answer opens that field's list.
    await searchFor(page, '쀍쀍쀍');
    await page.locator('main .empty-state').getByRole('link', { name: '주거' }).click();
    await page.waitForURL((url) => url.searchParams.get('field') === 'housing');
    await settle(page);
    await eventually(() => titles(page).then((t) => t.length)).toBeGreaterThan(0);

    // In English: a misspelt English word is corrected, and the suggestion reads in English.
    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('en');
    await searchFor(page, 'hosuing');
    await eventually(() => didYouMean(page).textContent()).toContain('Did you mean:');
    expect(await didYouMean(page).textContent()).toContain('results for ‘housing’');
    await eventually(() => titles(page).then((t) => t[0])).toContain('주거');
    await expectAccessible(page, 'did you mean, in English');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
