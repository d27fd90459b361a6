import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// Debates (토론, issue 11) on a phone: staff open a debate in the demo's sample process with the
// staff form, reached from the process page; a resident reaches the sample debate from the process
// page and reads the counts per stance, comments with a
// stance and replies to a comment; staff close it with a conclusion while the resident's page is
// still open, so the resident's next comment is refused with a readable message, and the page then
// shows the conclusion and no form. axe on every page.

const SAMPLE = '[예시] 2020 지역사회혁신계획 주민 제안';
const SAMPLE_DEBATE = '혁신계획의 첫해에는 돌봄과 일자리 가운데 무엇을 먼저 해야 할까요?';

describe.skipIf(!hasBrowser)('debates in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('a resident comments and replies; staff close with a conclusion; commenting is then refused', async () => {
    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    const processes = await (await staff.page.request.get('/api/v1/governance/processes')).json();
    const processId = processes.items.find((p: { title: string }) => p.title === SAMPLE).id as string;
    const debates = await (
      await staff.page.request.get(`/api/v1/governance/processes/${processId}/debates`)
    ).json();
    const sampleId = debates.items.find((d: { title: string }) => d.title === SAMPLE_DEBATE).id as string;

    // Staff open a new debate from the process page's debate section.
    await visit(staff.page, `/governance/processes/${processId}`, 'process page (staff)');
    await staff.page.getByRole('link', { name: '토론 열기(직원)' }).click();
    await settle(staff.page);
    expect(new URL(staff.page.url()).pathname).toBe(`/governance/staff/processes/${processId}/debates/new`);
    await expectAccessible(staff.page, 'new debate (staff)');
    const title = `주민 참여 예산 비율 토론 ${Date.now() % 100000}`;
    await staff.page.getByRole('textbox', { name: /^제목/ }).fill(title);
    await staff.page
      .getByRole('textbox', { name: /^질문/ })
      .fill('주민 참여 예산을 전체 예산의 몇 퍼센트로 정하면 좋을지 의견을 나누어 주십시오.');
    await staff.page.getByRole('button', { name: '토론 열기' }).click();
    await staff.page.waitForURL(/\/governance\/debates\/[0-9a-f-]{36}$/);
    await settle(staff.page);
    await eventually(() => staff.page.locator('h1').textContent()).toBe(title);
    await expectAccessible(staff.page, 'new debate page (staff)');

    // A resident opens the sample debate, comments with a stance and replies to a comment.
    const w = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance/processes', 'process list');
    await page.getByRole('link', { name: SAMPLE }).click();
    await settle(page);
    const section = page.locator('.debate-list');
    await eventually(() => section.textContent()).toContain(SAMPLE_DEBATE);
    expect(await section.textContent()).toContain(title);
    await expectAccessible(page, 'process page with its debates');
    await section.getByRole('link', { name: SAMPLE_DEBATE }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe(`/governance/debates/${sampleId}`);
    await expectAccessible(page, 'sample debate');
    await eventually(() => page.locator('h1').textContent()).toBe(SAMPLE_DEBATE);
    const counts = page.locator('.stance-counts');
    await eventually(() => counts.textContent()).toContain('반대 1개');
    expect(await counts.textContent()).toContain('찬성 2개');
    expect(await page.locator('main').textContent()).toContain('진행 중');
    await page.getByRole('combobox', { name: /^입장/ }).selectOption('against');
    const mine = `청년 일자리가 먼저라고 생각합니다 ${Date.now() % 100000}`;
    await page.getByRole('textbox', { name: /^의견/ }).fill(mine);
    await page.getByRole('button', { name: '의견 남기기' }).click();
    await eventually(() => page.locator('.debate-threads').textContent()).toContain(mine);
    await eventually(() => counts.textContent()).toContain('반대 2개');
    const first = page.locator('.debate-threads > li').first();
    await first.getByRole('button', { name: '답글' }).first().click();
    await eventually(() => page.locator('main').textContent()).toContain(
      '예시 주민 1님 의견에 답글을 씁니다.',
    );
    const reply = `돌봄 인력도 일자리가 됩니다 ${Date.now() % 100000}`;
    await page.getByRole('combobox', { name: /^입장/ }).selectOption('neutral');
    await page.getByRole('textbox', { name: /^의견/ }).fill(reply);
    await page.getByRole('button', { name: '의견 남기기' }).click();
    await eventually(() => first.locator('.comment-replies').textContent()).toContain(reply);
    await eventually(() => counts.textContent()).toContain('중립 2개');
    await expectAccessible(page, 'debate after comment and reply');

    // Staff close the sample debate with a conclusion.
    await visit(staff.page, `/governance/debates/${sampleId}`, 'sample debate (staff)');
    const conclusion = '첫해에는 돌봄 일자리 사업을 먼저 하고, 청년 일자리는 이듬해 예산에 담습니다.';
    await staff.page.getByRole('textbox', { name: /^결론/ }).fill(conclusion);
    await staff.page.getByRole('button', { name: '결론을 등록하고 마감' }).click();
    await eventually(() => staff.page.locator('.debate-conclusion').textContent()).toContain(conclusion);
    expect(await staff.page.getByRole('button', { name: '결론을 등록하고 마감' }).count()).toBe(0);
    await expectAccessible(staff.page, 'closed debate (staff)');
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // The resident's page is still open: the next comment is refused in words.
    await page.getByRole('textbox', { name: /^의견/ }).fill('마감 뒤에 남기는 의견입니다.');
    await page.getByRole('button', { name: '의견 남기기' }).click();
    await eventually(() => page.locator('main').textContent()).toContain(
      '마감된 토론입니다. 마감된 토론에는 댓글을 남길 수 없습니다.',
    );
    await expectAccessible(page, 'comment refused after close');
    await page.reload();
    await settle(page);
    await eventually(() => page.locator('.debate-conclusion').textContent()).toContain(conclusion);
    expect(await page.locator('main').textContent()).toContain(
      '마감된 토론입니다. 더 이상 의견을 받지 않습니다.',
    );
    expect(await page.getByRole('button', { name: '의견 남기기' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '답글' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('마감 뒤에 남기는 의견입니다.');
    await expectAccessible(page, 'closed debate');
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 120_000);
});
