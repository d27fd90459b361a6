import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { youthPolicyRecords } from '../fixtures/youth-policies.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, visit } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import { importPoliciesAsStaff, type RunningServer } from './server.ts';

// Issue 9 on the self-check, on a phone against the real server (demo mode) with the extract of
// the national catalogue imported, axe on every state: each result shows the deadline the policy
// list shows and closed policies are hidden (counted, one press away) and last (item 2); a card
// shows the conditions that decide and one line for those met, with filters by field and status
// (each choice counted), a sort and paging (item 3); after a search the form folds away and the
// reader lands on the announced count, with the results on screen (item 5).

const INVERTED = '20260422005400212868'; // the one record the import refuses

/** YYYYMMDD `days` from today in Korea, as getPlcy writes dates. */
function ymd(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * The extract's real policies, open to residents anywhere and dated around today (the extract is
 * a 2025 snapshot, mostly closed by now and mostly for other regions): a young person in
 * 영등포구 fits dozens, of every status, as after the national import.
 */
function records() {
  return youthPolicyRecords()
    .filter((r) => r.plcyNo !== INVERTED)
    .map((r, i) => {
      const dated = { ...r, zipCd: '', aplyPrdSeCd: '0057001' };
      switch (i % 4) {
        case 0:
          return { ...dated, aplyYmd: `${ymd(-10)} ~ ${ymd(5 + i)}` }; // open, soon or later
        case 1:
          return { ...dated, aplyYmd: `${ymd(-60)} ~ ${ymd(-1 - i)}` }; // closed
        case 2:
          return { ...dated, aplyYmd: `${ymd(3 + i)} ~ ${ymd(40 + i)}` }; // upcoming
        default:
          return { ...dated, aplyPrdSeCd: '0057002', aplyYmd: '' }; // always open
      }
    });
}

type ListItem = { id: string; title: string; status: string; deadline: string | null };

describe.skipIf(!hasBrowser)('the self-check in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const listed = new Map<string, ListItem>(); // title → as the policy list shows it

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    const res = await importPoliciesAsStaff(server, records());
    expect(res.status, await res.clone().text()).toBe(200);
    const list = (await (await fetch(`${server.url}/api/v1/youth/policies?limit=100`)).json()) as {
      items: ListItem[];
    };
    for (const p of list.items) listed.set(p.title, p);
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  const cards = (page: Page) => page.locator('main .youth-results > li');
  const count = (page: Page) => page.locator('#youth-check-count');

  /** Each card's title, status word and the date its deadline shows (null: none). */
  const shown = (page: Page) =>
    cards(page).evaluateAll((lis) =>
      lis.map((li) => ({
        title: li.querySelector('.card-title')?.textContent ?? '',
        status: li.querySelector('.youth-status')?.textContent ?? '',
        deadline: li.querySelector('.youth-meta time')?.getAttribute('datetime') ?? null,
        meta: li.querySelector('.youth-meta')?.textContent ?? '',
      })),
    );

  test('a phone user checks, lands on the count, and reads short, dated, open results', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'ko-KR', ...PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await visit(page, '/youth/check', 'self-check');
    await page.locator('input[name="birthDate"]').fill('2000-05-01');
    await page.locator('select[name="regionCode"]').selectOption('11560');
    await page.getByRole('button', { name: '진단하기' }).click();

    // Item 5: focus on the count, which says how many; the form folds into one line; results on screen.
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('youth-check-count');
    expect(await count(page).getAttribute('role')).toBe('status');
    const total = Number(/(\d+)건 있습니다/.exec((await count(page).textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(20);
    expect(await page.locator('main form').isVisible()).toBe(false);
    expect(await page.locator('main .youth-answers').textContent()).toContain('영등포구');
    const first = await cards(page).first().boundingBox();
    expect(first?.y).toBeLessThan(PHONE.viewport.height);
    await expectAccessible(page, 'self-check results');
    await page.screenshot({ path: '/tmp/e2e-youth-selfcheck.png', fullPage: true });

    // Item 2: twenty at a time, none closed, each dated as the list dates it; the hidden ones counted.
    await eventually(() => cards(page).count()).toBe(20);
    const page1 = await shown(page);
    for (const c of page1) {
      const l = listed.get(c.title);
      expect(l, c.title).toBeDefined();
      expect(c.status, c.title).not.toBe('마감');
      if (l?.deadline && l.status !== 'always_open') expect(c.deadline, c.title).toBe(l.deadline);
      expect(c.meta, c.title).not.toContain('정해지지 않음');
    }
    expect(page1.filter((c) => c.deadline !== null).length).toBeGreaterThan(0);
    const hidden = Number(
      /마감된 정책 (\d+)건은 숨겼습니다/.exec((await count(page).textContent()) ?? '')?.[1],
    );
    expect(hidden).toBeGreaterThan(0);

    // Item 3: a card shows what decides and one line for what is met; all eight only when asked.
    const card = cards(page).first();
    expect(await card.locator('.youth-all-rules').getAttribute('open')).toBeNull();
    expect(await card.locator('.youth-rule:visible').allInnerTexts()).not.toEqual(
      expect.arrayContaining([expect.stringContaining('제한 없음')]),
    );
    for (const text of await cards(page)
      .locator('.youth-rule-summary > .youth-rules .youth-rule')
      .allInnerTexts())
      expect(text).toMatch(/^(확인 필요|해당 없음)/);
    expect(await cards(page).locator('.youth-met').count()).toBeGreaterThan(0);
    await card.getByText('조건 8개 모두 보기').click();
    expect(await card.locator('.youth-all-rules .youth-rule').count()).toBe(8);
    // Twenty short cards, where 174 full ones made a 10,458 px page.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`self-check: ${total} fit, first page ${height} px tall on a phone`);
    expect(height).toBeLessThan(9000);

    // Paging: more, announced, and the keyboard goes on at the first new policy.
    await page.getByRole('button', { name: '더 보기' }).click();
    await eventually(() => cards(page).count()).toBe(Math.min(40, total));
    await eventually(() =>
      page
        .locator('main .pager-status')
        .textContent()
        .catch(() => ''),
    ).toMatch(/전체 \d+건 중 \d+건/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      (await shown(page))[20].title,
    );

    // The closed ones: one press away, then last, most recently closed first.
    await page.getByRole('button', { name: `마감된 정책 ${hidden}건도 보기` }).click();
    await eventually(() => count(page).textContent()).toContain(`${total + hidden}건 있습니다`);
    // 더 보기 until every card is there (the button is away while a page loads, so poll, not loop).
    await eventually(async () => {
      const more = page.getByRole('button', { name: '더 보기' });
      if (await more.count()) await more.click({ timeout: 2_000 }).catch(() => undefined);
      return cards(page).count();
    }).toBe(total + hidden);
    const every = await shown(page);
    const firstClosed = every.findIndex((c) => c.status === '마감');
    expect(firstClosed).toBe(total);
    const closedDates = every.slice(firstClosed).flatMap((c) => (c.deadline ? [c.deadline] : []));
    expect(closedDates).toEqual([...closedDates].sort().reverse());
    await expectAccessible(page, 'self-check with closed policies');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 240_000);

  test('the filters fold away on a phone, count each choice, and narrow the results', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'ko-KR', ...PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await visit(page, '/youth/check', 'self-check');
    await page.locator('input[name="birthDate"]').fill('2000-05-01');
    await page.locator('select[name="regionCode"]').selectOption('11560');
    await page.getByRole('button', { name: '진단하기' }).click();
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('youth-check-count');

    // Folded until asked for.
    const field = page.locator('main select[name="field"]');
    expect(await field.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: /검색 조건 열기/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await page.getByRole('button', { name: /검색 조건 닫기/ }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await expectAccessible(page, 'self-check filters open');

    // 주거 (N건): choosing it lists exactly N, each a housing policy; the count is announced.
    const housing = (await field.locator('option[value="housing"]').textContent()) ?? '';
    const n = Number(/\((\d+)건\)/.exec(housing)?.[1]);
    expect(n).toBeGreaterThan(2);
    await field.focus();
    await field.selectOption('housing');
    await eventually(() => count(page).textContent()).toContain(`${n}건 있습니다`);
    await eventually(() => cards(page).count()).toBe(Math.min(n, 20));
    for (const meta of await cards(page).locator('.youth-meta').allInnerTexts())
      expect(meta).toContain('주거');
    // Focus stayed where the person was.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('field');

    // Newest first lists the same policies in another order.
    const byDeadline = (await shown(page)).map((c) => c.title);
    await page.locator('main select[name="sort"]').selectOption('newest');
    await eventually(async () => (await shown(page)).map((c) => c.title).sort()).toEqual(
      [...byDeadline].sort(),
    );
    // The status filter's choices are counted too; 마감 lists only closed ones.
    const closedOption =
      (await page.locator('main select[name="status"] option[value="closed"]').textContent()) ?? '';
    const closed = Number(/\((\d+)건\)/.exec(closedOption)?.[1]);
    await page.locator('main select[name="status"]').selectOption('closed');
    await eventually(() => cards(page).count()).toBe(Math.min(closed, 20));
    expect(new Set((await shown(page)).map((c) => c.status))).toEqual(new Set(closed ? ['마감'] : []));
    await expectAccessible(page, 'self-check filtered');
    await page.screenshot({ path: '/tmp/e2e-youth-selfcheck-filtered.png', fullPage: true });

    // Back to the form: its answers are still there.
    await page.getByRole('button', { name: '입력 내용 고치기' }).click();
    expect(await page.locator('input[name="birthDate"]').inputValue()).toBe('2000-05-01');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('birthDate');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 240_000);
});
