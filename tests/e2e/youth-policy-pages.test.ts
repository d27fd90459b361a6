import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { youthPolicyRecords } from '../fixtures/youth-policies.ts';
import { signIn } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, visit } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import { demoAccount, importPoliciesAsStaff, type RunningServer, staffSession } from './server.ts';

// Issue 9 on the youth policy pages, in a real browser against the real server (demo mode), axe on
// every page: a policy's page leads with its content and a 신청하기 button, not six follow buttons
// or empty sections (item 12); the policy list's filters fold away on a phone and a search moves
// the reader to its announced count (item 5); the staff policy form picks regions by name, comes in
// sections with its save always in reach, and has no free-text 대분류 beside the field boxes
// (items 7 and 13).

/** Real records: one with an application address and no documents, one with nothing on applying. */
const WITH_URL = '20240119005400200007'; // 포천 청년 창업자 임차료 지원: blank programme dates
const CLOSED_WITH_URL = '20250316005400210631'; // 청년 부동산 중개보수 및 이사비 지원사업 (2025)
const BARE = '20250103005400210028'; // 성연 청소년문화의집 운영: no steps, no addresses

/** YYYYMMDD `days` from today in Korea, as getPlcy writes dates. */
function ymd(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

/** The extract without the record the reader refuses; the one with an address open today. */
function records() {
  return youthPolicyRecords()
    .filter((r) => r.plcyNo !== '20260422005400212868')
    .map((r) => (r.plcyNo === WITH_URL ? { ...r, aplyYmd: `${ymd(-3)} ~ ${ymd(30)}` } : r));
}

describe.skipIf(!hasBrowser)('youth policy pages in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const ids = new Map<string, string>(); // national policy number → id

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    const res = await importPoliciesAsStaff(server, records());
    expect(res.status, await res.clone().text()).toBe(200);
    const list = (await (await fetch(`${server.url}/api/v1/youth/policies?limit=100`)).json()) as {
      items: Array<{ id: string; externalId: string | null; title: string }>;
    };
    for (const p of list.items) ids.set(p.externalId ?? p.title, p.id);
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  async function open(options: Parameters<Browser['newContext']>[0] = {}) {
    // Korean pages: a first visit follows the browser's language.
    const context: BrowserContext = await browser.newContext({
      baseURL: server.url,
      locale: 'ko-KR',
      ...options,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }
  const top = async (page: Page, selector: string) =>
    (await page.locator(selector).first().boundingBox())?.y ?? Number.NaN;

  test('a policy page on a phone: 신청하기 first, content before following, no empty sections', async () => {
    const { context, page, errors } = await open(PHONE);
    const record = youthPolicyRecords().find((r) => r.plcyNo === WITH_URL)!;
    await visit(page, `/youth/policies/${ids.get(WITH_URL)}`, 'policy with an application address');

    // 신청하기 goes to the application address in a new window, safely, and says so.
    const apply = page.getByRole('link', { name: /^신청하기/ });
    expect(await apply.getAttribute('href')).toBe(record.aplyUrlAddr.trim());
    expect(await apply.getAttribute('target')).toBe('_blank');
    expect((await apply.getAttribute('rel'))?.split(' ')).toEqual(
      expect.arrayContaining(['noopener', 'noreferrer']),
    );
    expect(await apply.textContent()).toContain('새 창에서 신청 누리집이 열립니다');
    // It is on the first screen of a phone.
    const box = await apply.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.viewport.height);

    // What the policy offers comes before the follow control, which is one section after it.
    expect(await top(page, '#youth-support')).toBeLessThan(await top(page, '#youth-follow'));
    expect(await top(page, 'a[href^="http"].youth-apply-button')).toBeLessThan(
      await top(page, '#youth-support'),
    );

    // Nothing is shown as "not stated": this record has no documents and no programme dates.
    const main = page.locator('main');
    expect(await main.textContent()).not.toContain('안내된 내용이 없습니다');
    expect(await main.locator('h3', { hasText: '제출 서류' }).count()).toBe(0);
    expect(await main.locator('dt', { hasText: '사업 기간' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/e2e-youth-detail-apply.png', fullPage: true });

    // A record that says nothing about applying has no 신청 방법 or 관련 누리집 section at all, and
    // the in-page links name only the sections that are there.
    await visit(page, `/youth/policies/${ids.get(BARE)}`, 'policy without steps or addresses');
    expect(await page.getByRole('link', { name: /^신청하기/ }).count()).toBe(0);
    const headings = await main.locator('h2').allInnerTexts();
    expect(headings).not.toContain('신청 방법');
    expect(headings).not.toContain('관련 누리집');
    const nav = await page.locator('nav.in-page-nav a').allInnerTexts();
    expect(nav).not.toContain('신청 방법');
    for (const href of await page
      .locator('nav.in-page-nav a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(await page.locator(href!).count(), `${href} is on the page`).toBe(1);
    // Its programme period is the source's words.
    expect(await main.locator('.facts div', { hasText: '사업 기간' }).textContent()).toContain('상시 운영');
    expect(await main.textContent()).not.toContain('안내된 내용이 없습니다');

    // A closed policy offers no 신청하기 (this one is closed and has an address).
    const closed = youthPolicyRecords().find((r) => r.plcyNo === CLOSED_WITH_URL)!;
    expect(closed.aplyUrlAddr.trim()).not.toBe('');
    await visit(page, `/youth/policies/${ids.get(CLOSED_WITH_URL)}`, 'closed policy with an address');
    expect(await page.locator('main .youth-status').first().textContent()).toBe('마감');
    expect(await page.getByRole('link', { name: /^신청하기/ }).count()).toBe(0);
    expect(await page.locator('section[aria-labelledby="youth-links"] a').count()).toBeGreaterThan(0);

    // The demo's own policy: its programme period has dates under the heading.
    await visit(page, `/youth/policies/${ids.get('1인 미디어 크리에이터 양성 과정')}`, 'demo policy');
    const period = main.locator('.facts div', { hasText: '사업 기간' });
    expect(await period.locator('dd').textContent()).toMatch(/\d{4}.+~.+\d{4}/);
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);

  test("a first visit asks the policy page's code and its answer together, and each answer once", async () => {
    const { context, page, errors } = await open(PHONE);
    const answerPath = `/api/v1/youth/policies/${ids.get(WITH_URL)}`;
    const asked: string[] = [];
    let answerAsked: () => void = () => undefined;
    const answerAskedPromise = new Promise<'answer'>((resolve) => {
      answerAsked = () => resolve('answer');
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/')) return;
      asked.push(url.pathname + url.search);
      if (url.pathname === answerPath) answerAsked();
    });
    // The page's code is held until its answer has been asked (or 10 s): loaded as a chain (code,
    // render, then data) the answer would only be asked after the code arrived.
    let firstWins: 'answer' | 'timeout' | undefined;
    await page.route(/\/assets\/PolicyDetail-[^/]+\.js$/, async (route) => {
      firstWins ??= await Promise.race([
        answerAskedPromise,
        new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000)),
      ]);
      await route.continue();
    });
    await visit(page, answerPath.replace('/api/v1', ''), 'policy page, first visit');
    expect(firstWins).toBe('answer');
    await expect.poll(() => page.locator('h1').textContent()).toContain('포천');
    // The page found the answers already asked: none was asked twice.
    const twice = asked.filter((p, i) => asked.indexOf(p) !== i);
    expect(twice, `asked: ${asked.join(', ')}`).toEqual([]);
    expect(asked).toEqual(expect.arrayContaining([answerPath, '/api/v1/session']));
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test('signed in, a policy page has one follow button; fields and keywords are folded', async () => {
    const youth = demoAccount(server, 'youth@demo.hamkke.kr');
    const { context, page, errors } = await open(PHONE);
    await signIn(page, server, youth.email, youth.password);
    await visit(page, `/youth/policies/${ids.get(WITH_URL)}`, 'policy, signed in');
    const follow = page.locator('section[aria-labelledby="youth-follow"]');
    await follow.getByRole('button', { name: '이 정책 관심 등록' }).waitFor();
    // One visible button; the field's is behind the disclosure until it is opened.
    const shown = () => follow.locator('.youth-follow-buttons button:visible').count();
    expect(await shown()).toBe(1);
    const field = follow.getByRole('button', { name: '‘주거’ 분야 관심 등록' });
    expect(await field.isVisible()).toBe(false);
    await follow.getByText('분야·키워드도 관심 등록').click();
    await field.click();
    await eventually(() => field.getAttribute('aria-pressed')).toBe('true');
    await eventually(() => follow.locator('p[role="status"]').first().textContent()).toContain(
      '관심 등록했습니다',
    );
    expect(await shown()).toBeGreaterThan(1);
    await expectAccessible(page, 'policy, follows unfolded');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);

  test('the policy list on a phone: results on the first screen, filters folded, the count focused', async () => {
    const { context, page, errors } = await open(PHONE);
    await visit(page, '/youth/policies', 'policy list on a phone');
    const cards = page.locator('main .card-list > li');
    await eventually(() => cards.count()).toBe(20);
    // The first result's title is on the first screen: the filters are one button, not four
    // selects, and the search button sits beside the words.
    const first = await cards.first().locator('.card-title').boundingBox();
    const bottom = (first?.y ?? 0) + (first?.height ?? 0);
    console.log(
      `policy list: first result's title ends at ${bottom} px on a ${PHONE.viewport.height} px screen`,
    );
    expect(bottom).toBeLessThan(PHONE.viewport.height);
    const status = page.locator('main select[name="status"]');
    expect(await status.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: /검색 조건 열기/ });
    expect(await toggle.getAttribute('aria-controls')).toBe('youth-list-filters');
    await toggle.click();
    expect(await page.getByRole('button', { name: /검색 조건 닫기/ }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await expectAccessible(page, 'policy list, filters open');

    // A search moves the reader to the announced count of what it found.
    await status.selectOption('closed');
    await page.locator('input[name="q"]').fill('주거');
    await page.getByRole('button', { name: '정책 찾기' }).click();
    await page.waitForURL(/status=closed/);
    const count = page.locator('#youth-list-count');
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('youth-list-count');
    expect(await count.getAttribute('role')).toBe('status');
    expect(await count.textContent()).toMatch(/\d+건/);
    const box = await count.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.viewport.height).toBe(true);
    // The folded button says how many options are set.
    expect(await page.locator('.youth-filter-toggle').textContent()).toContain('조건 1개 적용');
    await expectAccessible(page, 'policy list after a search');
    await page.screenshot({ path: '/tmp/e2e-youth-list-phone.png' });
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);

  test('the staff policy form: regions by name, three sections, save always in reach, no free-text 대분류', async () => {
    const staff = demoAccount(server, 'staff@demo.hamkke.kr');
    const { context, page, errors } = await open({ viewport: { width: 1366, height: 768 } });
    await signIn(page, server, staff.email, staff.password);
    await visit(page, '/youth/staff/policies/new', 'new policy form');
    const form = page.locator('main form.staff-form');

    // Item 7: no box asks for codes; item 13: no free-text 대분류 beside the field boxes.
    expect(await form.getByLabel('대분류').count()).toBe(0);
    expect(await form.getByLabel('그 밖의 지역 코드').count()).toBe(0);
    expect(
      await form.locator('input[inputmode="numeric"][maxlength="5"], input[name*="egion"]').count(),
    ).toBe(0);

    // Three parts, each reachable from the links at the top.
    const legends = await form.locator('fieldset.staff-section > legend').allInnerTexts();
    expect(legends).toEqual(['기본 정보', '신청과 사업 기간', '신청 자격']);
    const links = form.locator('nav.in-page-nav a');
    expect(await links.allInnerTexts()).toEqual(legends);

    // Save is on screen at the top of the form and after jumping to its last part.
    const save = page.getByRole('button', { name: '정책 저장' });
    const onScreen = async () => {
      const box = await save.boundingBox();
      return !!box && box.y >= 0 && box.y + box.height <= 768;
    };
    expect(await onScreen()).toBe(true);
    await links.last().click();
    await eventually(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(await onScreen()).toBe(true);

    // Regions by name: "chosen" with none is refused before sending.
    await page.getByLabel('정책명').fill('영등포·마포 청년 주거 상담');
    await form.getByRole('checkbox', { name: '주거' }).check();
    const residence = form.getByRole('group', { name: '거주 지역', exact: true });
    await residence.getByRole('radio', { name: '지역 지정' }).check();
    const districts = residence.getByRole('group', { name: '서울특별시 시군구' });
    expect(await districts.getByRole('checkbox').count()).toBe(26); // 전체 and the 25 자치구
    await save.click();
    await eventually(() => residence.locator('.field-error').textContent()).toContain('지역을 하나 이상');
    await expectAccessible(page, 'policy form, no region chosen');
    await districts.getByRole('checkbox', { name: '영등포구' }).check();
    await districts.getByRole('checkbox', { name: '마포구' }).check();
    expect(await residence.textContent()).toContain('2곳을 골랐습니다');
    expect(await page.locator('.staff-save-bar').textContent()).toContain(
      '저장하지 않은 변경 내용이 있습니다',
    );
    await expectAccessible(page, 'policy form, two regions chosen');
    await page.screenshot({ path: '/tmp/e2e-youth-staff-form.png', fullPage: true });
    await save.click();
    await page.waitForURL(/\/youth\/staff\/policies\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;

    // What was saved: the codes of the names chosen, and the 대분류 written from the field.
    const api = await staffSession(server);
    const saved = (await (await api('GET', `/api/v1/youth/policies/${id}`)).json()) as {
      fieldMajor: string;
      eligibility: { regionCodes: string[] };
    };
    expect(saved.eligibility.regionCodes.sort()).toEqual(['11440', '11560']);
    expect(saved.fieldMajor).toBe('주거');
    // A free-text 대분류 is no longer taken.
    const refused = await api('PATCH', `/api/v1/youth/policies/${id}`, { fieldMajor: '아무거나' });
    expect(refused.status).toBe(400);

    // The editor opens with the same choice; 서울특별시 전체 takes all 25.
    await page.locator('h1', { hasText: '정책 고치기' }).waitFor();
    const again = page.getByRole('group', { name: '거주 지역', exact: true });
    expect(await again.getByRole('radio', { name: '지역 지정' }).isChecked()).toBe(true);
    expect(await again.getByRole('checkbox', { name: '마포구' }).isChecked()).toBe(true);
    await again.getByRole('checkbox', { name: '서울특별시 전체' }).check();
    expect(await again.textContent()).toContain('25곳을 골랐습니다');
    await page.getByRole('button', { name: '변경 내용 저장' }).click();
    await eventually(() => page.locator('main .alert-success').textContent()).toContain(
      '정책을 저장했습니다',
    );
    const all = (await (await api('GET', `/api/v1/youth/policies/${id}`)).json()) as {
      eligibility: { regionCodes: string[] };
    };
    expect(all.eligibility.regionCodes).toHaveLength(25);
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);
});
