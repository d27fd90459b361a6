import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { apiSession, type RunningServer, staffSession } from './server.ts';

// The author's side of moderation (issue 11) on a phone: staff hide a resident's comment; its author
// reads why on the comment itself and on 내 글 숨김 안내, and appeals once (검토 중); staff see the
// appeal in the moderation queue and accept it with a reason; the comment is shown again
// (받아들여짐). The author is never offered 신고 on their own comment. The staff home lists every
// governance staff page. axe on each screen.

const SAMPLE = '[예시] 2020 지역사회혁신계획 주민 제안';
const HIDDEN = '운영 원칙에 따라 가려진 글입니다';
const REASON = '다른 주민을 비방하는 표현';

describe.skipIf(!hasBrowser)('an author appeals against a hidden comment in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('staff hide a comment, its author appeals, staff accept the appeal and it is shown again', async () => {
    const writer = await apiSession(server, 'wg@demo.hamkke.kr');
    const processes = (await (await writer('GET', '/api/v1/governance/processes')).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const processId = processes.items.find((p) => p.title === SAMPLE)?.id;
    expect(processId).toBeTruthy();
    const list = (await (
      await writer('GET', `/api/v1/governance/processes/${processId}/proposals?sort=newest&limit=1`)
    ).json()) as { items: Array<{ id: string }> };
    const proposalId = list.items[0]!.id;
    const stamp = Date.now() % 100000;
    const hiddenText = `이의 신청 시험 댓글 ${stamp}`;
    const keptText = `가려지지 않는 내 댓글 ${stamp}`;
    const othersText = `다른 주민의 댓글 ${stamp}`;
    const comment = async (say: typeof writer, body: string) => {
      const made = await say('POST', `/api/v1/governance/proposals/${proposalId}/comments`, {
        body,
        stance: 'neutral',
      });
      expect(made.status).toBe(201);
      return ((await made.json()) as { commentList: Array<{ id: string; body: string }> }).commentList.find(
        (c) => c.body === body,
      )!.id;
    };
    const hiddenId = await comment(writer, hiddenText);
    await comment(writer, keptText);
    await comment(await apiSession(server, 'youth@demo.hamkke.kr'), othersText);
    const staffApi = await staffSession(server);
    const hidden = await staffApi('PUT', `/api/v1/governance/staff/moderation/comment/${hiddenId}`, {
      decision: 'hide',
      reason: REASON,
    });
    expect(hidden.status).toBe(200);

    // The author, on the proposal page: the notice with the reason sits on their hidden comment.
    const w = await openWindow(browser, server, { ...PHONE, as: 'wg@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, `/governance/proposals/${proposalId}`, 'proposal page (author, comment hidden)');
    const mine = page.locator('li.comment', { hasText: hiddenText });
    await eventually(() => mine.count()).toBe(1);
    await eventually(() => mine.textContent()).toContain(`이 글은 ‘${REASON}’ 이유로 숨겨졌습니다.`);
    expect(await mine.textContent()).toContain(HIDDEN);
    // No 신고 on one's own comments; another resident's comment still offers it.
    expect(await mine.getByRole('button', { name: '신고: 이 댓글' }).count()).toBe(0);
    const kept = page.locator('li.comment', { hasText: keptText });
    await eventually(() => kept.count()).toBe(1);
    expect(await kept.getByRole('button', { name: '신고: 이 댓글' }).count()).toBe(0);
    const others = page.locator('li.comment', { hasText: othersText });
    expect(await others.getByRole('button', { name: '신고: 이 댓글' }).count()).toBe(1);

    // The appeal: too short is refused in words, then sent once; the state reads 검토 중.
    const box = mine.getByRole('textbox', { name: /이의 신청 내용/ });
    await box.fill('네');
    await mine.getByRole('button', { name: '이의 신청' }).click();
    await eventually(() => mine.textContent()).toContain('5글자 이상 적어 주십시오.');
    await box.fill('비방할 뜻이 없었습니다. 다시 보여 주십시오.');
    await mine.getByRole('button', { name: '이의 신청' }).click();
    await eventually(() => mine.textContent()).toContain('검토 중');
    expect(await mine.getByRole('button', { name: '이의 신청' }).count()).toBe(0);
    await expectAccessible(page, 'proposal page (appeal sent)');

    // 내 글 숨김 안내 lists it with the same state.
    await visit(page, '/governance/moderation/mine', 'my hidden posts');
    const card = page.locator('li.card', { hasText: hiddenText });
    await eventually(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('검토 중');
    expect(await card.textContent()).toContain(REASON);

    // Nobody else reads the hidden words.
    const anon = await openWindow(browser, server, PHONE);
    await visit(anon.page, `/governance/proposals/${proposalId}`, 'proposal page (signed out)');
    await eventually(() => anon.page.locator('main').textContent()).toContain(othersText);
    expect(await anon.page.locator('main').textContent()).not.toContain(hiddenText);
    await anon.context.close();

    // Staff: the staff home lists the governance staff pages; the queue shows the appeal.
    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staff.page, '/staff', 'staff home');
    const section = staff.page.locator('section', {
      has: staff.page.getByRole('heading', { name: '민관협치', exact: true }),
    });
    await eventually(() => section.locator('a').count()).toBeGreaterThan(6);
    const hrefs = await section.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const to of [
      '/governance/staff/moderation',
      '/governance/staff/statements',
      '/governance/staff/polls',
      '/governance/staff/processes/new',
      `/governance/staff/processes/${processId}`,
      `/governance/staff/processes/${processId}/debates/new`,
      '/governance/projects',
    ])
      expect(hrefs).toContain(to);
    await section.getByRole('link', { name: '신고된 제안과 댓글, 이의 신청 검토' }).click();
    await settle(staff.page);
    expect(new URL(staff.page.url()).pathname).toBe('/governance/staff/moderation');
    const item = staff.page.locator('li.card', { hasText: hiddenText });
    await eventually(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('비방할 뜻이 없었습니다. 다시 보여 주십시오.');
    await expectAccessible(staff.page, 'moderation queue with an appeal');
    await item.getByRole('textbox', { name: /처리 사유/ }).fill('비방이 아닌 의견으로 보입니다.');
    await item.getByRole('button', { name: '이의 받아들이기(다시 공개)' }).click();
    await eventually(() => staff.page.locator('li.card', { hasText: hiddenText }).count()).toBe(0);
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // The author sees the comment again, and the appeal accepted.
    await visit(page, `/governance/proposals/${proposalId}`, 'proposal page (appeal accepted)');
    const shown = page.locator('li.comment', { hasText: hiddenText });
    await eventually(() => shown.textContent()).toContain('받아들여짐');
    expect(await shown.locator('.proposal-body').first().textContent()).toBe(hiddenText);
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 180_000);
});
