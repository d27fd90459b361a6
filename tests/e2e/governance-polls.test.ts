import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { type RunningServer, staffSession } from './server.ts';

// Polls on a phone: the demo resident reaches polls from the governance area page, votes in a
// "choose one" poll, is refused a second ballot sent from a page drawn before the first (readable
// words, no raw code), votes in a "pick up to 2" poll and sees its live results; staff make a poll
// with the form, change a poll that has ballots, close one early and read its turnout; axe on every page.

const HOUR = 3_600_000;
const stamp = Date.now().toString(36);
const SINGLE = `시험 단일 투표 ${stamp}`;
const PICK = `시험 골라 뽑기 투표 ${stamp}`;

describe.skipIf(!hasBrowser)('polls in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    const staff = await staffSession(server);
    const poll = (title: string, kind: string, maxChoices: number | null, labels: string[]) =>
      staff('POST', '/api/v1/governance/staff/polls', {
        title,
        description: '브라우저 여정 시험용 투표입니다.',
        kind,
        maxChoices,
        options: labels.map((label) => ({ label })),
        opensAt: new Date(Date.now() - HOUR).toISOString(),
        closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
        resultsVisibility: 'live',
      });
    for (const res of [
      await poll(SINGLE, 'single', null, ['마을 도서관', '마을 정원', '마을 부엌']),
      await poll(PICK, 'pick_up_to', 2, ['보행로 정비', '공유 주차', '쉼터 설치', '가로등 교체']),
    ])
      expect(res.status, await res.clone().text()).toBe(201);
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('a resident votes once in each poll and sees the results', async () => {
    const w = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance', 'governance area');
    await page.getByRole('link', { name: '투표', exact: true }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe('/governance/polls');
    await expectAccessible(page, 'poll list');
    await page.getByRole('link', { name: SINGLE }).click();
    await settle(page);
    const pollUrl = page.url();
    await expectAccessible(page, 'single-choice ballot');
    // The same poll drawn in a second tab before the vote: its ballot is the "second vote".
    const stale = await w.context.newPage();
    await visit(stale, pollUrl, 'single-choice ballot, second tab');

    await page.getByRole('radio', { name: '마을 정원' }).check();
    await page.getByRole('button', { name: '투표 제출' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('내 선택: 마을 정원');
    await eventually(() => page.locator('main').textContent()).toMatch(/참여 1명 \/ 투표권자 [\d,]+명/);
    await expectAccessible(page, 'after voting, live results');

    await stale.getByRole('radio', { name: '마을 부엌' }).check();
    await stale.getByRole('button', { name: '투표 제출' }).click();
    // The refusal in words, then the page read again: the first ballot's choice, and no form.
    const refused = stale.getByRole('status').filter({ hasText: '이번 투표는 받지 않았습니다' });
    await eventually(() => refused.textContent()).toContain('내 선택: 마을 정원');
    expect(await refused.textContent()).toContain('이미 투표했습니다. 한 사람은 한 번만 투표할 수 있습니다.');
    expect(await stale.getByRole('button', { name: '투표 제출' }).count()).toBe(0);
    await eventually(() => stale.locator('main').textContent()).toMatch(/참여 1명 \/ 투표권자/);
    const words = (await stale.locator('main').textContent()) ?? '';
    expect(words).not.toMatch(/governance_poll|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectAccessible(stale, 'second ballot refused');
    await stale.close();

    // "Pick up to 2": a third option cannot be ticked once two are.
    await visit(page, '/governance/polls', 'poll list');
    await page.getByRole('link', { name: PICK }).click();
    await settle(page);
    await page.getByRole('checkbox', { name: '보행로 정비' }).check();
    await page.getByRole('checkbox', { name: '쉼터 설치' }).check();
    expect(await page.getByRole('checkbox', { name: '공유 주차' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'pick-up-to ballot');
    await page.getByRole('button', { name: '투표 제출' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('내 선택: 보행로 정비, 쉼터 설치');
    await eventually(() => page.locator('main table').textContent()).toContain('쉼터 설치');
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 120_000);

  test('staff make, change and close polls and read the turnout', async () => {
    const w = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance/polls', 'poll list as staff');
    await page.getByRole('link', { name: '투표 관리(직원)' }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe('/governance/staff/polls');
    await expectAccessible(page, 'staff polls');

    // A new poll with the form; a missing option list is named under its field first.
    const made = `시험 새 투표 ${stamp}`;
    const form = page.locator('section', { has: page.getByRole('heading', { name: '새 투표 만들기' }) });
    await form.getByRole('textbox', { name: /^제목/ }).fill(made);
    await form.getByRole('button', { name: '투표 만들기' }).click();
    await eventually(() => form.locator('.field-error').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'staff poll form with errors');
    await form.getByRole('textbox', { name: /^선택지/ }).fill('첫째 안\n둘째 안');
    await form.getByRole('button', { name: '투표 만들기' }).click();
    await eventually(() => page.locator('li.card', { hasText: made }).count()).toBe(1);

    // The resident's "choose one" poll has a ballot: its title may still change.
    const single = page.locator('li.card', { hasText: SINGLE });
    await single.getByRole('button', { name: /^고치기/ }).click();
    await expectAccessible(page, 'staff poll edit form');
    // Nothing wider than the phone: the form's paired fields stack.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await single.getByRole('textbox', { name: /^제목/ }).fill(`${SINGLE} (수정)`);
    await single.getByRole('button', { name: '저장' }).click();
    await eventually(() => page.locator('li.card h2', { hasText: `${SINGLE} (수정)` }).count()).toBe(1);

    // Close the "pick up to" poll early, then read its final result with turnout.
    const pick = page.locator('li.card', { hasText: PICK });
    await pick.getByRole('button', { name: /^지금 마감/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /마감|확인/ })
      .last()
      .click();
    await eventually(() => pick.locator('.badge').first().textContent()).toBe('마감');
    await pick.getByRole('link', { name: /^결과와 투표율 보기/ }).click();
    await settle(page);
    await eventually(() => page.locator('main').textContent()).toContain('최종 결과입니다.');
    expect(await page.locator('main').textContent()).toMatch(
      /참여 1명 \/ 투표권자 [\d,]+명 \(투표율 [\d.]+%\)/,
    );
    await expectAccessible(page, 'closed poll results');
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 120_000);
});
