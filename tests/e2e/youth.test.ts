import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GetPlcyRecord, youthPolicyRecords } from '../fixtures/youth-policies.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { demoAccount, importPoliciesAsStaff, type RunningServer } from './server.ts';

// The youth pages in a real browser against the real server (demo mode), with axe on every page:
// policy search, a policy's details, the anonymous self-check on a phone, and the demo youth account
// giving its consent, saving a profile and seeing the policies for it.
/** A handful of real records: some start-up (창업) policies and some open to Yeongdeungpo residents. */
function samplePolicies(): GetPlcyRecord[] {
  const all = youthPolicyRecords();
  const picked = new Map<string, GetPlcyRecord>();
  for (const p of all.filter((p) => p.plcyNm.includes('창업')).slice(0, 12)) picked.set(p.plcyNo, p);
  for (const p of all.filter((p) => (p.zipCd ?? '').includes('11560')).slice(0, 20)) picked.set(p.plcyNo, p);
  return [...picked.values()];
}

describe.skipIf(!hasBrowser)('youth pages in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let published = 0; // the imported records and the demo's own policies

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    // The CLI needs the organization that demo mode creates at start, so the records go in through
    // the staff import route, signed in as the demo staff account.
    const records = samplePolicies();
    const res = await importPoliciesAsStaff(server, records);
    const result = (await res.json()) as { imported: number; rejected: unknown[] };
    expect(res.status, JSON.stringify(result)).toBe(200);
    expect(result.imported).toBeGreaterThan(20);
    const all = (await (await fetch(`${server.url}/api/v1/youth/policies?limit=100`)).json()) as {
      items: unknown[];
    };
    published = all.items.length;
    expect(published).toBeGreaterThan(result.imported); // the demo's policies from the 2019 plan too
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  const newPage = (options: Parameters<Browser['newContext']>[0] = {}) =>
    openWindow(browser, server, options);

  // Lazy pages render after the address changes (the router keeps the old page meanwhile): wait for the new h1.
  async function arrive(page: Page, url: RegExp, heading: string): Promise<void> {
    await page.waitForURL(url);
    await page.locator('h1', { hasText: heading }).waitFor();
    await settle(page);
  }

  const cards = (page: Page) => page.locator('main .card-list > li');
  const status = (page: Page, section: string) =>
    page.locator(`section[aria-labelledby="${section}"] [role="status"]`);

  test('a phone user searches policies, opens one, and checks eligibility without an account', async () => {
    const { context, page, errors } = await newPage(PHONE);
    await visit(page, '/youth', 'youth area');
    await page.getByRole('link', { name: '청년 정책 목록' }).first().click();
    await arrive(page, /\/youth\/policies$/, '청년 정책 목록');
    await expectAccessible(page, 'policy list');

    // Twenty at a time: "more" follows the cursor and the count is announced politely.
    await eventually(() => cards(page).count()).toBe(20);
    await eventually(() => status(page, 'youth-results').textContent()).toContain('20건');
    await page.getByRole('button', { name: '더 보기' }).click();
    await eventually(() => cards(page).count()).toBe(published);
    await eventually(() => status(page, 'youth-results').textContent()).toContain(
      `${published}건을 찾았습니다`,
    );
    await eventually(() => page.evaluate(() => document.activeElement?.tagName)).toBe('A');

    // Korean search: '창업' finds the start-up policies, most relevant first.
    await page.locator('input[name="q"]').fill('창업');
    await page.getByRole('button', { name: '정책 찾기' }).click();
    await page.waitForURL(/q=%EC%B0%BD%EC%97%85/);
    await settle(page);
    await eventually(() => page.locator('main h2#youth-results').textContent()).toContain('창업');
    // The heading follows the address at once; the results for the new words come after.
    await eventually(() => page.locator('main .card-list .card-title').first().textContent()).toContain(
      '창업',
    );
    await expectAccessible(page, 'search results for 창업');
    await page.screenshot({ path: '/tmp/e2e-youth-list.png' });

    // Filters go into the address (shareable, and the back button returns to the search); on a
    // phone they are folded behind one button.
    await page.getByRole('button', { name: /검색 조건 열기/ }).click();
    await page.locator('select[name="status"]').selectOption('closed');
    await page.locator('select[name="region"]').selectOption('11560');
    await page.getByRole('button', { name: '정책 찾기' }).click();
    await page.waitForURL(/status=closed/);
    await settle(page);
    expect(page.url()).toContain('region=11560');
    expect(await status(page, 'youth-results').textContent()).toMatch(/찾았습니다|없습니다|표시하고/);
    await expectAccessible(page, 'filtered list');

    // Back to the 창업 results and into one policy.
    await page.goBack();
    await settle(page);
    const first = page.locator('main .card-list .card-title a').first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await arrive(page, /\/youth\/policies\/[0-9a-f-]{36}$/, title);
    expect(await page.locator('h1').textContent()).toBe(title);
    const headings = await page.locator('main h2').allInnerTexts();
    // Every policy has these; 신청 방법 and 관련 누리집 only when it says something there.
    expect(headings).toEqual(expect.arrayContaining(['신청 자격', '나에게 맞는지', '신청 기간']));
    expect(await page.locator('section[aria-labelledby="youth-eligibility"] dt').allInnerTexts()).toEqual(
      expect.arrayContaining(['나이', '거주 지역']),
    );
    // External links open a new window and say so to screen readers.
    for (const link of await page.locator('section[aria-labelledby="youth-links"] a').all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect(await link.textContent()).toContain('외부 누리집');
    }
    await expectAccessible(page, 'policy detail');
    await page.screenshot({ path: '/tmp/e2e-youth-detail.png', fullPage: true });

    // The self-check: the two required fields are explained, then results with each rule judged.
    await page.getByRole('link', { name: '자격 자가 진단' }).first().click();
    await arrive(page, /\/youth\/check$/, '자격 자가 진단');
    expect(await page.locator('main').textContent()).toContain('입력한 내용은 저장하지 않습니다');
    await expectAccessible(page, 'self-check');
    await page.getByRole('button', { name: '진단하기' }).click();
    await eventually(() => page.locator('main form .field-error').count()).toBe(2);
    await expectAccessible(page, 'self-check with errors');
    await page.locator('input[name="birthDate"]').fill('2000-05-01');
    await page.locator('select[name="regionCode"]').selectOption('11560');
    await page.locator('select[name="employment"]').selectOption('0013003');
    await page.getByRole('button', { name: '진단하기' }).click();
    await eventually(() => status(page, 'youth-check-results').textContent()).toMatch(/\d+건/);
    expect(await cards(page).count()).toBeGreaterThan(0);
    const rules = await page.locator('main .youth-rules').first().textContent();
    expect(rules).toMatch(/충족|확인 필요/);
    // The reader is taken to the count of what was found.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('youth-check-count');
    await expectAccessible(page, 'self-check results');
    await page.screenshot({ path: '/tmp/e2e-youth-check.png', fullPage: true });
    // Nothing of the answers stayed in the browser.
    expect(
      await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)),
    ).not.toContain('2000-05-01');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);

  test('the demo youth account consents, saves a profile and sees the policies for it', async () => {
    const youth = demoAccount(server, 'youth@demo.hamkke.kr');
    const { context, page, errors } = await newPage(PHONE);
    await visit(page, '/login', 'login');
    await page.locator('input[name="email"]').fill(youth.email);
    await page.locator('input[name="password"]').fill(youth.password);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(`${server.url}/`);
    await page.locator('a[href="/my"]').waitFor();

    // No profile yet: the page says so and leads to the form.
    await visit(page, '/youth/for-me', 'policies for me without a profile');
    await page.getByRole('link', { name: '청년 프로필 작성하기' }).click();
    await arrive(page, /\/my#me-youth$/, '마이페이지');
    await expectAccessible(page, 'my page with the youth profile section');
    const section = page.locator('section[aria-labelledby="me-youth"]');
    expect(await section.locator('input[name="birthDate"]').isDisabled()).toBe(true);

    // Consent first; then the form opens.
    // A controlled switch: it turns on once the server has recorded the consent.
    await section.getByRole('switch').click();
    await section.locator('.alert-success').waitFor();
    expect(await section.getByRole('switch').isChecked()).toBe(true);
    await eventually(() => section.locator('input[name="birthDate"]').isDisabled()).toBe(false);
    await section.locator('input[name="birthDate"]').fill('1998-03-15');
    await section.locator('select[name="regionCode"]').selectOption('11560');
    await section.locator('select[name="employment"]').selectOption('0013003');
    await section.getByRole('button', { name: '청년 프로필 저장' }).click();
    await eventually(() => section.locator('.alert-success').textContent()).toContain('저장했습니다');
    await expectAccessible(page, 'youth profile saved');
    await page.screenshot({ path: '/tmp/e2e-youth-profile.png', fullPage: true });

    await section.getByRole('link', { name: '나에게 맞는 정책' }).click();
    await arrive(page, /\/youth\/for-me$/, '나에게 맞는 정책');
    await eventually(() => status(page, 'youth-for-me').textContent()).toMatch(/\d+건/);
    expect(await cards(page).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'policies for me');
    await page.screenshot({ path: '/tmp/e2e-youth-for-me.png', fullPage: true });

    // A policy from the list explains, rule by rule, why it fits.
    await page.locator('main .card-list .card-title a').first().click();
    await page.waitForURL(/\/youth\/policies\/[0-9a-f-]{36}$/);
    await settle(page);
    const fits = page.locator('section[aria-labelledby="youth-forMe"]');
    await fits.locator('.youth-rule-summary').waitFor();
    expect(await fits.textContent()).toContain('충족');
    await expectAccessible(page, 'policy detail with my eligibility');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);
});
