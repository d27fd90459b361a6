import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { apiSession, type RunningServer } from './server.ts';

// Moderation of proposal comments (issue 11) on a phone: a resident's comment is reported by two
// residents through the API and by a third in the browser (신고 opens a dialog with the reasons);
// the third report hides it, and the thread shows the placeholder instead. Staff reach it from the
// staff home's queue and show it again with a reason. axe on the dialog and the queue.

const SAMPLE = '[예시] 2020 지역사회혁신계획 주민 제안';
const HIDDEN = '운영 원칙에 따라 가려진 글입니다';

describe.skipIf(!hasBrowser)('reporting and moderating a comment in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('three residents report a comment, it is hidden; staff show it again with a reason', async () => {
    // The sample process's first proposal, and a comment on it by the working group member.
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
    const text = `신고 시험 댓글 ${Date.now() % 100000}`;
    const made = await writer('POST', `/api/v1/governance/proposals/${proposalId}/comments`, {
      body: text,
      stance: 'against',
    });
    expect(made.status).toBe(201);
    const commentId = (
      (await made.json()) as { commentList: Array<{ id: string; body: string }> }
    ).commentList.find((c) => c.body === text)!.id;
    for (const email of ['youth@demo.hamkke.kr', 'enterprise@demo.hamkke.kr']) {
      const reported = await (await apiSession(server, email))('POST', '/api/v1/governance/reports', {
        targetType: 'comment',
        targetId: commentId,
        reason: 'abuse',
      });
      expect(reported.status).toBe(200);
    }

    // The third report, in the browser: the dialog asks for a reason; the comment is then hidden.
    const w = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, `/governance/proposals/${proposalId}`, 'proposal page');
    const comment = page.locator('li.comment', { hasText: text });
    await eventually(() => comment.count()).toBe(1);
    await comment.getByRole('button', { name: '신고: 이 댓글' }).click();
    const dialog = page.getByRole('dialog', { name: '신고하기' });
    await eventually(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page, 'report dialog');
    await dialog.getByRole('combobox', { name: '신고 사유' }).selectOption('spam');
    await dialog.getByRole('button', { name: '신고하기' }).click();
    await eventually(() => page.locator('body').textContent()).toContain('검토할 때까지 가려집니다');
    await page.reload();
    await settle(page);
    await eventually(() => page.locator('main').textContent()).toContain(HIDDEN);
    expect(await page.locator('main').textContent()).not.toContain(text);
    expect(w.errors).toEqual([]);
    await w.context.close();

    // Staff: from the staff home's queue to the item, shown again with a reason.
    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staff.page, '/staff', 'staff home');
    await staff.page.getByRole('link', { name: /신고된 제안과 댓글 검토/ }).click();
    await settle(staff.page);
    expect(new URL(staff.page.url()).pathname).toBe('/governance/staff/moderation');
    const item = staff.page.locator('li.card', { hasText: text });
    await eventually(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('신고 누적으로 가려짐');
    await expectAccessible(staff.page, 'moderation queue');
    await item.getByRole('textbox', { name: /처리 사유/ }).fill('비방이 아닌 반대 의견입니다.');
    await item.getByRole('button', { name: '다시 공개' }).click();
    await eventually(() => staff.page.locator('li.card', { hasText: text }).count()).toBe(0);
    await visit(staff.page, `/governance/proposals/${proposalId}`, 'proposal page (staff)');
    await eventually(() => staff.page.locator('main').textContent()).toContain(text);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  }, 120_000);
});
