import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// Participatory processes and proposals (issue 11) on a phone: a resident finds the demo's sample
// process from the 협치 page, reads its phase timeline, pages the proposals, submits one (similar
// titles shown while typing), supports and comments on another; staff find the new one by its
// status and answer it; the author sees the answer. Signed out, proposing is refused in words, on
// the page and by the API. Staff make a process and edit it. axe on every page.

const SAMPLE = '[예시] 2020 지역사회혁신계획 주민 제안';
const TOP = '동마다 어르신 마을 돌봄 쉼터를 만들어 주십시오';

describe.skipIf(!hasBrowser)('participatory processes and proposals in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('a resident proposes, supports and comments; staff answer; the author reads the answer', async () => {
    // Signed out: the form is not offered, and the API refuses with a readable message.
    const anon = await openWindow(browser, server, PHONE);
    await visit(anon.page, '/governance/processes', 'process list (signed out)');
    await anon.page.getByRole('link', { name: SAMPLE }).click();
    await settle(anon.page);
    const processPath = new URL(anon.page.url()).pathname;
    await anon.page.getByRole('link', { name: '제안하기' }).click();
    await settle(anon.page);
    await eventually(() => anon.page.locator('main').textContent()).toContain(
      '제안하고 공감하려면 로그인해 주십시오.',
    );
    expect(await anon.page.getByRole('button', { name: '제안 올리기' }).count()).toBe(0);
    const refused = await anon.page.request.post(
      `/api${processPath.replace('/governance', '/v1/governance')}/proposals`,
      {
        data: {
          title: '로그인 없이 올린 제안',
          body: '로그인하지 않고 제안을 올려 봅니다.',
          category: 'other',
          place: '',
        },
      },
    );
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.message).toMatch(/로그인/);
    expect(anon.errors).toEqual([]);
    await anon.context.close();

    const w = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance', 'governance area');
    await page.getByRole('link', { name: '주민 참여 과정' }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe('/governance/processes');
    await page.getByRole('link', { name: SAMPLE }).click();
    await settle(page);
    // The timeline marks today's phase in words; the proposals come ten at a time.
    const current = page.locator('.phase-timeline [aria-current="step"]');
    await eventually(() => current.textContent()).toContain('의제 발굴');
    expect(await current.textContent()).toContain('지금 단계');
    const cards = page.locator('.proposal-list > li');
    await eventually(() => cards.count()).toBe(10);
    await expectAccessible(page, 'process page');
    await page.getByRole('button', { name: '더 보기' }).click();
    await eventually(() => cards.count()).toBe(11);
    expect(await page.getByRole('button', { name: '더 보기' }).count()).toBe(0);

    // A new proposal: a title like an existing one shows it first.
    await page.getByRole('link', { name: '제안하기' }).click();
    await settle(page);
    const title = page.getByRole('textbox', { name: /^제목/ });
    await title.fill('어르신 돌봄 쉼터를 동마다 만들어 주십시오');
    await eventually(() => page.locator('.similar-box').textContent()).toContain(TOP);
    await expectAccessible(page, 'new proposal with similar titles');
    const mine = `마을 도서관 저녁 개관 제안 ${Date.now() % 100000}`;
    await title.fill(mine);
    await page
      .getByRole('textbox', { name: /^내용/ })
      .fill('작은 도서관이 오후 6시에 닫아 직장인은 이용하기 어렵습니다. 평일 저녁 9시까지 열어 주십시오.');
    await page.getByRole('combobox', { name: /^분야/ }).selectOption('culture');
    await page.getByRole('textbox', { name: /^장소/ }).fill('마을 작은 도서관');
    await page.getByRole('button', { name: '제안 올리기' }).click();
    await page.waitForURL(/\/governance\/proposals\/[0-9a-f-]{36}$/);
    await settle(page);
    const minePath = new URL(page.url()).pathname;
    await eventually(() => page.locator('h1').textContent()).toBe(mine);
    expect(await page.locator('main').textContent()).toContain('내가 올린 제안입니다.');

    // Support and comment on the most supported sample proposal.
    await page.goto(processPath);
    await settle(page);
    await page.getByRole('link', { name: TOP }).click();
    await settle(page);
    const count = page.locator('.support-count');
    await eventually(() => count.textContent()).toContain('공감 24개');
    await page.getByRole('button', { name: '공감하기' }).click();
    await eventually(() => count.textContent()).toContain('공감 25개');
    expect(await page.getByRole('button', { name: '공감 취소' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('combobox', { name: /^입장/ }).selectOption('for');
    const comment = `저녁에도 쉼터가 열리면 좋겠습니다 ${Date.now() % 100000}`;
    await page.getByRole('textbox', { name: /^댓글/ }).fill(comment);
    await page.getByRole('button', { name: '댓글 남기기' }).click();
    await eventually(() => page.locator('.comment-list').textContent()).toContain(comment);
    await expectAccessible(page, 'proposal after support and comment');
    expect(w.errors).toEqual([]);

    // Staff find the new proposal among the unanswered, newest first, and answer it.
    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await staff.page.goto(processPath);
    await settle(staff.page);
    await staff.page.getByRole('combobox', { name: '상태' }).selectOption('unanswered');
    await staff.page.getByRole('combobox', { name: '정렬' }).selectOption('newest');
    await staff.page.getByRole('link', { name: mine }).click();
    await settle(staff.page);
    expect(new URL(staff.page.url()).pathname).toBe(minePath);
    // Anyone but the author may send new text; the author decides on it below.
    await staff.page
      .getByRole('textbox', { name: /^고친 내용/ })
      .fill(
        '작은 도서관이 오후 6시에 닫아 직장인은 이용하기 어렵습니다. 평일 저녁 9시와 토요일 오후까지 열어 주십시오.',
      );
    await staff.page.getByRole('button', { name: '수정 제안 보내기' }).click();
    await eventually(() => staff.page.locator('main').textContent()).toContain('결정 대기');
    await staff.page.getByRole('combobox', { name: /^결과/ }).selectOption('accepted');
    await staff.page
      .getByRole('textbox', { name: /^이유/ })
      .fill('작은 도서관 두 곳을 먼저 평일 저녁 9시까지 시범 개관하겠습니다.');
    await staff.page.getByRole('textbox', { name: /^예상 비용/ }).fill('12000000');
    await staff.page.getByRole('textbox', { name: /^추진 기간/ }).fill('2020년 3월부터 12월까지');
    await staff.page.getByRole('button', { name: '답변 등록' }).click();
    await eventually(() => staff.page.locator('.answer-box').textContent()).toContain('시범 개관');
    await expectAccessible(staff.page, 'proposal answered (staff)');
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // The author sees the answer.
    await visit(page, minePath, 'own proposal answered');
    const answer = page.locator('.answer-box');
    await eventually(() => answer.textContent()).toContain('채택');
    expect(await answer.textContent()).toContain('12,000,000원');
    expect(await answer.textContent()).toContain('2020년 3월부터 12월까지');
    await page.getByRole('button', { name: '받아들이기' }).click();
    await eventually(() => page.locator('main').textContent()).toContain(
      '수정 제안을 반영한 2번째 글입니다.',
    );
    expect(await page.locator('main').textContent()).toContain('토요일 오후까지');
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 150_000);

  test('staff make a process with a phase and then rename it', async () => {
    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    const { page } = staff;
    await visit(page, '/governance/processes', 'process list (staff)');
    await page.getByRole('link', { name: '참여 과정 만들기(직원)' }).click();
    await settle(page);
    await expectAccessible(page, 'new process form');
    const name = `시험 참여 과정 ${Date.now() % 100000}`;
    await page.getByRole('textbox', { name: /^과정 이름/ }).fill(name);
    await page.getByRole('textbox', { name: /^설명/ }).fill('시험으로 만든 참여 과정입니다.');
    await page.getByRole('spinbutton', { name: /^검토 대상이 되는 공감 수/ }).fill('5');
    const agenda = page.locator('fieldset', { has: page.locator('legend', { hasText: '의제 발굴' }) });
    await agenda.getByRole('checkbox', { name: '이 단계 쓰기' }).check();
    await agenda.getByLabel(/^시작일/).fill('2020-01-01');
    await agenda.getByLabel(/^종료일/).fill('2099-12-31');
    await agenda.getByRole('checkbox', { name: '제안' }).check();
    await page.getByRole('button', { name: '저장' }).click();
    await page.waitForURL(/\/governance\/processes\/[0-9a-f-]{36}$/);
    await settle(page);
    await eventually(() => page.locator('h1').textContent()).toBe(name);
    await eventually(() => page.locator('.phase-timeline').textContent()).toContain('의제 발굴');
    expect(await page.getByRole('link', { name: '제안하기' }).count()).toBe(1);
    await page.getByRole('link', { name: '과정과 단계 수정(직원)' }).click();
    await settle(page);
    await expectAccessible(page, 'edit process form');
    await page.getByRole('textbox', { name: /^과정 이름/ }).fill(`${name} (수정)`);
    await page.getByRole('button', { name: '저장' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe(`${name} (수정)`);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  }, 90_000);
});
