import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { youthPolicyRecords } from '../fixtures/youth-policies.ts';
import { signIn } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit, WORKER_WAIT } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { demoAccount, importPoliciesAsStaff, type RunningServer } from './server.ts';

// Questions on a policy in a real browser against the real server (demo mode), axe on every page:
// the demo youth account asks a public question, the demo staff account answers it from the inbox,
// and the youth sees the notification and the answer on the policy page.

describe.skipIf(!hasBrowser)('questions on youth policies in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let policy: { id: string; title: string };

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    // A few real records, through the staff import route as the demo staff account.
    const records = youthPolicyRecords()
      .filter((p) => (p.zipCd ?? '').includes('11560'))
      .slice(0, 3);
    const res = await importPoliciesAsStaff(server, records);
    expect(res.status, await res.clone().text()).toBe(200);
    const list = (await (await fetch(`${server.url}/api/v1/youth/policies?limit=1`)).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    policy = list.items[0];
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('a young person asks, staff answer from the inbox, the asker is told and sees the answer', async () => {
    const questionText = '휴학 중인 대학생도 이 정책에 신청할 수 있습니까?';
    const youth = demoAccount(server, 'youth@demo.hamkke.kr');
    const youthContext = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await youthContext.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, youth.email, youth.password);

    await visit(page, `/youth/policies/${policy.id}`, 'policy detail with questions');
    const questions = page.locator('section[aria-labelledby="youth-questions"]');
    // The section (and its form's code) loads as the reader scrolls towards it.
    await questions.scrollIntoViewIfNeeded();
    await eventually(() => questions.textContent()).toContain('아직 공개된 문의가 없습니다');
    await questions.getByLabel('제목').fill('휴학생 신청 가능 여부');
    await questions.getByRole('button', { name: '문의 등록' }).click();
    await eventually(() => questions.locator('.field-error').count()).toBe(1);
    await expectAccessible(page, 'ask form with an error');
    await questions.getByLabel('문의 내용').fill(questionText);
    await questions.getByRole('button', { name: '문의 등록' }).click();
    await eventually(() => questions.locator('[role="status"]').first().textContent()).toContain(
      '문의를 등록했습니다',
    );
    await eventually(() => questions.locator('.qa-item').count()).toBe(1);
    expect(await questions.locator('.qa-item').textContent()).toContain('답변을 기다리고 있습니다');
    await expectAccessible(page, 'policy detail after asking');

    await visit(page, '/youth/questions/mine', 'my questions');
    expect(await page.locator('main').textContent()).toContain(questionText);

    // Staff answer from the inbox (desktop).
    const staff = demoAccount(server, 'staff@demo.hamkke.kr');
    const staffContext = await browser.newContext({ baseURL: server.url });
    const staffPage = await staffContext.newPage();
    staffPage.on('pageerror', (e) => errors.push(e.message));
    await signIn(staffPage, server, staff.email, staff.password);
    await visit(staffPage, '/youth/questions/inbox', 'question inbox');
    const item = staffPage.locator('main .qa-item', { hasText: questionText });
    expect(await item.textContent()).toContain('대기 근무일 0일');
    await item
      .getByRole('textbox')
      .fill('휴학생도 신청할 수 있습니다. 재학 증명서 대신 휴학 증명서를 내 주십시오.');
    await item.getByRole('button', { name: '답변 등록' }).click();
    await eventually(() => staffPage.locator('main [role="status"]').first().textContent()).toContain(
      '답변을 등록하고',
    );
    await eventually(() => staffPage.locator('main .qa-item', { hasText: questionText }).count()).toBe(0);
    await expectAccessible(staffPage, 'question inbox after answering');

    // Staff can correct an answer on the policy page; the asker is not told twice.
    await visit(staffPage, `/youth/policies/${policy.id}#youth-questions`, 'policy detail as staff');
    const staffQuestions = staffPage.locator('section[aria-labelledby="youth-questions"]');
    await staffQuestions
      .getByLabel('답변 고치기')
      .fill('휴학생도 신청할 수 있습니다. 휴학 증명서를 함께 내 주십시오.');
    await staffQuestions.getByRole('button', { name: '답변 저장' }).click();
    await eventually(() => staffQuestions.locator('[role="status"]').first().textContent()).toContain(
      '답변을 고쳤습니다',
    );
    await eventually(() => staffQuestions.locator('.qa-answer').textContent()).toContain('함께 내 주십시오');
    await expectAccessible(staffPage, 'policy detail as staff after editing');

    // The youth is told (the worker delivers the outbox row) and reads the answer.
    await eventually(async () => {
      await page.goto('/notifications');
      await settle(page);
      return page.locator('main').textContent();
    }, WORKER_WAIT).toContain('문의하신 정책에 답변이 등록되었습니다.');
    await expectAccessible(page, 'notifications');
    // Once read, the bell shows no count and the whole page passes.
    await page.getByRole('button', { name: '모두 읽음으로 표시' }).click();
    await page.locator('.bell-count').waitFor({ state: 'detached' });
    await expectAccessible(page, 'notifications, all read');
    await page.getByRole('link', { name: '문의하신 정책에 답변이 등록되었습니다.' }).first().click();
    await page.waitForURL(/\/youth\/policies\/[0-9a-f-]{36}#youth-questions$/);
    await settle(page);
    await eventually(() => questions.locator('.qa-answer').textContent()).toContain('함께 내 주십시오');
    await expectAccessible(page, 'policy detail with the answer');
    expect(errors, 'script errors in the page').toEqual([]);
    await staffContext.close();
    await youthContext.close();
  }, 180_000);

  test('a young person suggests a policy, staff move it on, everyone sees the reply', async () => {
    const { context, page, errors } = await openWindow(browser, server, {
      ...PHONE,
      as: 'youth@demo.hamkke.kr',
    });
    await visit(page, '/youth/suggestions', 'suggestion list');
    await page.getByRole('link', { name: '정책 제안하기' }).click();
    await page.locator('h1', { hasText: '정책 제안하기' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'suggestion form');
    await page.getByRole('button', { name: '제안 등록' }).click();
    await eventually(() => page.locator('main form .field-error').count()).toBe(2);
    await expectAccessible(page, 'suggestion form with errors');
    await page.getByLabel('제안 제목').fill('청년 공유 주방 확대');
    await page.getByLabel('분야 (선택)').selectOption('welfare');
    await page.getByLabel('제안 내용').fill('영등포구에 청년 공유 주방을 늘려 주십시오.');
    await page.getByRole('button', { name: '제안 등록' }).click();
    await page.locator('h1', { hasText: '내 정책 제안' }).waitFor();
    await settle(page);
    await eventually(() => page.locator('main .qa-item').first().textContent()).toContain('접수');
    await expectAccessible(page, 'my suggestions');

    const staff = demoAccount(server, 'staff@demo.hamkke.kr');
    const staffContext = await browser.newContext({ baseURL: server.url });
    const staffPage = await staffContext.newPage();
    staffPage.on('pageerror', (e) => errors.push(e.message));
    await signIn(staffPage, server, staff.email, staff.password);
    await visit(staffPage, '/youth/suggestions/manage', 'suggestion management');
    const item = staffPage.locator('main .qa-item', { hasText: '청년 공유 주방 확대' });
    await item.getByRole('combobox').selectOption('reviewing');
    await item.getByRole('textbox').fill('담당 부서에서 검토하고 있습니다.');
    await item.getByRole('button', { name: '상태 변경' }).click();
    await eventually(() => item.textContent()).toContain('검토 중');
    await expectAccessible(staffPage, 'suggestion management after a change');

    // The status change notified the author, so the bell may show a count here.
    await page.goto('/youth/suggestions');
    await settle(page);
    await expectAccessible(page, 'suggestion list with the reply');
    expect(await page.locator('main .qa-item').first().textContent()).toContain(
      '담당 부서에서 검토하고 있습니다.',
    );
    expect(errors, 'script errors in the page').toEqual([]);
    await staffContext.close();
    await context.close();
  }, 180_000);
});
