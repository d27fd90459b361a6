import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// Issue 9, item 6 and "from clean to inviting", in a real browser against the real server (demo
// mode), on a phone and a desktop, axe on every state: the home's hero says what can be done today;
// services with no module yet say "준비 중" and are no links, and every link on the home leads to a
// real page; the youth home's field tiles open the list filtered by field; the budget page's charts
// have a table alternative that the keyboard reaches, numbers in Korean, and the chart library is
// fetched on chart pages only.

const DESKTOP = { viewport: { width: 1366, height: 768 } };
const CHART_CHUNK = /\/assets\/draw-[^/]*\.js$/;

describe.skipIf(!hasBrowser)('the look and the charts in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  async function open(options: Parameters<Browser['newContext']>[0]) {
    const context: BrowserContext = await browser.newContext({
      baseURL: server.url,
      locale: 'ko-KR',
      ...options,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Anything the browser logs as an error counts: a refused inline style (the CSP), a failed request.
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    return { context, page, errors, scripts };
  }

  /** The cards of the services that are not open yet, by title, and whether each holds a link. */
  async function soonCards(page: Page) {
    const cards = page.locator('.feature-card');
    await expect.poll(() => page.locator('.feature-cards[aria-busy]').count(), { timeout: 30_000 }).toBe(0);
    const out: { title: string; soon: boolean; links: number }[] = [];
    for (const card of await cards.all()) {
      out.push({
        title: ((await card.locator('.offer-heading').textContent()) ?? '').replace('준비 중', '').trim(),
        soon: (await card.locator('.badge-soon').count()) === 1,
        links: await card.locator('a').count(),
      });
    }
    return out;
  }

  for (const [name, device] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`home on a ${name}: a hero with today's doors, "준비 중" without links, no dead links`, async () => {
      const { context, page, errors, scripts } = await open(device);
      await visit(page, '/', `home (${name})`);

      // The hero: the title, then what can be done today, each a link to a real page.
      const hero = page.locator('.page-hero');
      await expect.poll(() => hero.locator('h1').textContent()).toBe('함께 만드는 영등포');
      const doors = hero.getByRole('region', { name: '오늘 바로 할 수 있는 일' }).getByRole('link');
      expect(await doors.allInnerTexts()).toEqual([
        expect.stringContaining('정책 찾기'),
        expect.stringContaining('자격 확인'),
        expect.stringContaining('질문하기'),
        expect.stringContaining('정책 제안'),
      ]);
      // On a phone the doors are on the first screen.
      const last = await doors.last().boundingBox();
      if (name === 'phone') expect(last && last.y + last.height).toBeLessThanOrEqual(PHONE.viewport.height);

      // Services whose module is not installed: a badge, the words, and no link; the rest are links.
      const cards = await soonCards(page);
      expect(cards.filter((c) => c.soon).map((c) => c.title)).toEqual(['청년 프로젝트 공모']);
      for (const card of cards) expect(card.links, card.title).toBe(card.soon ? 0 : 1);
      expect(await page.locator('.feature-soon-note').first().textContent()).toContain('준비 중입니다');

      // The home fetched no chart code.
      expect(scripts.filter((s) => CHART_CHUNK.test(s))).toEqual([]);
      await page.screenshot({ path: `/tmp/e2e-look-home-${name}.png`, fullPage: true });

      // Every link in the page's content leads to a page that exists (a dead link would be 찾을 수 없음).
      if (name === 'desktop') {
        const hrefs = [
          ...new Set(
            await page
              .locator('main a[href^="/"]')
              .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)),
          ),
        ];
        expect(hrefs.sort()).toEqual([
          '/booking',
          '/booking/programs',
          '/governance/deliberations',
          '/governance/projects',
          '/social-economy',
          '/youth/check',
          '/youth/policies',
          '/youth/suggestions',
        ]);
        for (const href of hrefs) {
          await page.goto(href);
          await settle(page);
          expect(await page.locator('h1').textContent(), href).not.toBe('페이지를 찾을 수 없습니다');
        }
      }

      // In English: the same doors and the same promises, "Coming soon".
      if (name === 'phone') {
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: 'Building Yeongdeungpo together' }).waitFor();
        expect(
          await page.getByRole('region', { name: 'What you can do today' }).getByRole('link').count(),
        ).toBe(4);
        await expect
          .poll(() => page.locator('.badge-soon').allTextContents(), { timeout: 30_000 })
          .toEqual(['Coming soon']);
        expect(await page.locator('.feature-soon-note').first().textContent()).toBe(
          'Not open yet. Once it opens, you can use it from here.',
        );
        await expectAccessible(page, 'home in English (phone)');
        await page.screenshot({ path: '/tmp/e2e-look-home-phone-en.png', fullPage: true });
      }

      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);

    test(`youth home and 협치 on a ${name}: field tiles open the filtered list, promises say 준비 중`, async () => {
      const { context, page, errors, scripts } = await open(device);
      await visit(page, '/youth', `youth home (${name})`);
      const tiles = page.getByRole('region', { name: '분야별 청년 정책' }).getByRole('link');
      expect(await tiles.allInnerTexts()).toEqual(['일자리', '주거', '교육', '복지·문화', '참여·권리']);
      // The places have their pictures, decorative (empty alt) beside their names.
      const places = page.getByRole('region', { name: '함께 쓰는 공간' });
      expect(await places.locator('img').count()).toBe(2);
      for (const alt of await places
        .locator('img')
        .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt'))))
        expect(alt).toBe('');
      await page.screenshot({ path: `/tmp/e2e-look-youth-${name}.png`, fullPage: true });

      // A place's name leads to its facility, where reading starts at its heading.
      await places.getByRole('link', { name: '무중력지대-영등포' }).click();
      const facility = page.getByRole('heading', { level: 2, name: '무중력지대-영등포' });
      await facility.waitFor();
      await eventually(() => facility.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('section.facility img[alt=""]').count()).toBe(3);
      await expectAccessible(page, `facilities from a place card (${name})`);
      await page.goBack();
      await settle(page);

      await tiles.filter({ hasText: '주거' }).click();
      await page.getByRole('heading', { level: 1, name: '청년 정책 목록' }).waitFor();
      await settle(page);
      expect(new URL(page.url()).pathname).toBe('/youth/policies');
      expect(new URL(page.url()).searchParams.get('field')).toBe('housing');
      expect(await page.getByLabel('분야', { exact: true }).inputValue()).toBe('housing');
      await expectAccessible(page, `policy list by field (${name})`);

      await visit(page, '/governance', `governance (${name})`);
      const cards = await soonCards(page);
      expect(cards).toEqual([
        { title: '주민 참여 과정', soon: false, links: 1 },
        { title: '온라인 공론장', soon: false, links: 1 },
        { title: '투표', soon: false, links: 1 },
        { title: '타운홀 미팅·포럼', soon: false, links: 1 },
        { title: '지역사회 혁신 협치 사업', soon: false, links: 1 },
      ]);
      // Town halls and forums are booking programs in the 협치 area: the card opens that list.
      await page.locator('.feature-card', { hasText: '타운홀 미팅·포럼' }).getByRole('link').click();
      await settle(page);
      expect(await page.getByRole('combobox', { name: '분야' }).inputValue()).toBe('governance');
      await eventually(() => page.locator('main').textContent()).toContain('지역사회혁신계획 타운홀미팅');
      // Neither the youth pages nor the policy list fetched chart code.
      expect(scripts.filter((s) => CHART_CHUNK.test(s))).toEqual([]);

      // 사회적경제: its promises say 준비 중, its centre has its picture, and its chart of enterprises
      // by type reads as a table of counts in Korean.
      await visit(page, '/social-economy', `social economy (${name})`);
      expect((await soonCards(page)).map((c) => [c.title, c.soon, c.links])).toEqual([
        ['재정·역량 지원', true, 0],
        ['공공구매 연계', true, 0],
        ['실태조사', true, 0],
      ]);
      expect(await page.getByRole('region', { name: '함께 쓰는 공간' }).locator('img[alt=""]').count()).toBe(
        1,
      );
      const kinds = page.getByRole('figure', { name: '유형별 사회적경제 기업 수' });
      await kinds.scrollIntoViewIfNeeded(); // drawn as it nears the screen
      await expect.poll(() => kinds.locator('svg .ct-bar').count(), { timeout: 30_000 }).toBe(4);
      expect(await kinds.getByRole('table').locator('tbody th').allTextContents()).toEqual([
        '사회적기업',
        '협동조합',
        '마을기업',
        '자활기업',
      ]);
      for (const cell of await kinds.getByRole('table').locator('tbody td').allTextContents())
        expect(cell).toMatch(/^\d{1,3}(,\d{3})*곳$/);
      await expectAccessible(page, `social economy with its chart (${name})`);
      await page.screenshot({ path: `/tmp/e2e-look-social-economy-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);

    test(`budget on a ${name}: charts with a table the keyboard reaches, Korean numbers`, async () => {
      const { context, page, errors, scripts } = await open(device);
      await visit(page, '/administration/budget', `budget (${name})`);
      const chart = page.getByRole('figure', { name: /2019년과 2018년 단위사업별 예산/ });
      // The drawing comes with the chart code, fetched now.
      await chart.scrollIntoViewIfNeeded(); // drawn as it nears the screen
      await expect.poll(() => chart.locator('svg .ct-bar').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(scripts.filter((s) => CHART_CHUNK.test(s))).toHaveLength(1);
      // Screen readers read the table (the drawing is hidden from them) even before it is shown.
      expect(await chart.locator('.chart-canvas').getAttribute('aria-hidden')).toBe('true');
      const hiddenTable = chart.getByRole('table');
      expect(await hiddenTable.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
      await expectAccessible(page, `budget with charts (${name})`);
      await page.screenshot({ path: `/tmp/e2e-look-budget-${name}.png`, fullPage: true });

      // By keyboard: Tab to "표로 보기", press Enter: the table shows, and Tab reaches it.
      const toggle = chart.getByRole('button', { name: '표로 보기' });
      await page.locator('h1').focus();
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await toggle.evaluate((el) => el === document.activeElement);
      }
      expect(reached, 'Tab reaches 표로 보기').toBe(true);
      await page.keyboard.press('Enter');
      const shown = chart.getByRole('table', { name: /\(표\)$/ });
      await shown.waitFor({ state: 'visible' });
      await expect.poll(() => chart.getByRole('button', { name: '그래프로 보기' }).count()).toBe(1);
      const cells = await shown.locator('tbody td').allInnerTexts();
      expect(cells.length).toBeGreaterThanOrEqual(8);
      for (const cell of cells) expect(cell).toMatch(/^\d{1,3}(,\d{3})*천원$/);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        role: document.activeElement?.getAttribute('role'),
        label: document.activeElement?.getAttribute('aria-label'),
        holdsTable: !!document.activeElement?.querySelector('table'),
      }));
      expect(focused).toMatchObject({ role: 'region', holdsTable: true });
      expect(focused.label).toContain('2019년과 2018년 단위사업별 예산');
      await expectAccessible(page, `budget chart as a table (${name})`);
      await page.screenshot({ path: `/tmp/e2e-look-budget-table-${name}.png`, fullPage: true });

      // The plan's chart as a table is wider than a phone: its region says it scrolls sideways and a
      // visible hint says how; on a desktop it fits, and neither is there.
      await visit(page, '/administration/plan', `plan (${name})`);
      const plan = page.getByRole('figure', { name: /2019년 추진 사업별 재원 구성/ });
      await plan.scrollIntoViewIfNeeded(); // drawn as it nears the screen
      await expect.poll(() => plan.locator('svg .ct-bar').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await plan.getByRole('button', { name: '표로 보기' }).click();
      const region = plan.getByRole('region');
      await region.waitFor();
      const hint = plan.locator('.responsive-table-hint');
      if (name === 'phone') {
        await expect.poll(() => region.getAttribute('aria-label')).toContain('옆으로 스크롤할 수 있는 표');
        expect(await hint.isVisible()).toBe(true);
        expect(await hint.textContent()).toContain('옆으로 밀어');
        expect(await region.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));
      } else {
        expect(await region.getAttribute('aria-label')).toBe('2019년 추진 사업별 재원 구성 (표)');
        expect(await hint.count()).toBe(0);
      }
      await expectAccessible(page, `plan chart as a table (${name})`);
      await page.screenshot({ path: `/tmp/e2e-look-plan-table-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
