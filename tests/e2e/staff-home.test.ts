import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { youthPolicyRecords } from '../fixtures/youth-policies.ts';
import { signIn } from './accounts.ts';
import { expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import { apiSession, demoAccount, importPoliciesAsStaff, type RunningServer } from './server.ts';

// Issue 9 item 1: staff find their work. The header takes a staff member to the staff home, which
// lists the questions and suggestions waiting with their counts and the oldest item's age, each one
// click from its queue, and the admin pages one click away. Phone size, axe on every page.

describe.skipIf(!hasBrowser)('the staff home in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    const records = youthPolicyRecords()
      .filter((p) => (p.zipCd ?? '').includes('11560'))
      .slice(0, 1);
    const imported = await importPoliciesAsStaff(server, records);
    expect(imported.status, await imported.clone().text()).toBe(200);
    const list = (await (await fetch(`${server.url}/api/v1/youth/policies?limit=1`)).json()) as {
      items: Array<{ id: string }>;
    };
    // A young person asks a question and makes two suggestions before staff look.
    const youth = await apiSession(server, 'youth@demo.hamkke.kr');
    const asked = await youth('POST', `/api/v1/youth/policies/${list.items[0].id}/questions`, {
      body: '졸업 예정자도 신청할 수 있습니까?',
      public: false,
    });
    expect(asked.status, await asked.clone().text()).toBe(200);
    for (const title of ['청년 공유 주방 확대', '심야 도서관 운영']) {
      const res = await youth('POST', '/api/v1/youth/suggestions', { title, body: `${title}을 제안합니다.` });
      expect(res.status, await res.clone().text()).toBe(200);
    }
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('a staff member goes from the header to their queues, opens one, and reaches an admin page in one click', async () => {
    const staff = demoAccount(server, 'staff@demo.hamkke.kr');
    const context = await browser.newContext({ baseURL: server.url, ...PHONE, locale: 'ko-KR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, staff.email, staff.password);

    // The person's links stay on one line on a phone, 로그아웃 included.
    const utility = page.locator('.header-utility');
    const tops = await utility
      .locator('a, button')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size, `links at ${tops.join(', ')}`).toBe(1);
    expect(await utility.getByRole('button', { name: '로그아웃' }).isVisible()).toBe(true);

    await utility.getByRole('link', { name: '업무 홈' }).click();
    await page.waitForURL(`${server.url}/staff`);
    await settle(page);
    await expectAccessible(page, 'staff home');
    const questions = page.locator('.staff-queue', { hasText: '답변을 기다리는 청년 정책 문의' });
    expect(await questions.locator('.staff-queue-count').textContent()).toBe('1건');
    expect(await questions.textContent()).toContain('가장 오래 기다린 건: 오늘 들어옴');
    expect(await questions.textContent()).toContain('처리 목표: 3근무일 이내');
    // Nothing has waited 3 working days yet: no overdue line (the API test counts overdue items).
    expect(await questions.locator('.staff-queue-overdue').count()).toBe(0);
    const suggestions = page.locator('.staff-queue', { hasText: '검토를 시작하지 않은 청년 정책 제안' });
    expect(await suggestions.locator('.staff-queue-count').textContent()).toBe('2건');

    // One click to the queue itself.
    await questions.getByRole('link').click();
    await page.waitForURL(`${server.url}/youth/questions/inbox`);
    await page.locator('h1', { hasText: '정책 문의 함' }).waitFor();
    await settle(page);
    expect(await page.locator('main').textContent()).toContain('졸업 예정자도 신청할 수 있습니까?');
    await page.goBack();
    await page.locator('h1', { hasText: '업무 홈' }).waitFor();
    await settle(page);

    // Staff hold one admin page (people and roles): one click from the staff home.
    const tools = page.locator('section[aria-labelledby="staff-tools"]');
    expect(await tools.getByRole('link').allTextContents()).toEqual(['회원과 역할']);
    await tools.getByRole('link', { name: '회원과 역할' }).click();
    await page.locator('h1', { hasText: '회원과 역할' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'users from the staff home');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);

  test('an admin sees every admin page there, in English too; a resident has no staff home', async () => {
    const admin = demoAccount(server, 'admin@demo.hamkke.kr');
    const context = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await context.newPage();
    await signIn(page, server, admin.email, admin.password);
    await visit(page, '/staff', 'staff home as admin');
    const tools = page.locator('section[aria-labelledby="staff-tools"]');
    expect(await tools.getByRole('link').count()).toBe(5);
    await tools.getByRole('link', { name: '감사 기록' }).click();
    await page.locator('h1', { hasText: '감사 기록' }).waitFor();
    await page.goBack();
    await page.locator('h1', { hasText: '업무 홈' }).waitFor();
    await settle(page);

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Staff home' }).waitFor();
    const questions = page.locator('.staff-queue', {
      hasText: 'Youth policy questions waiting for an answer',
    });
    await questions.waitFor();
    expect(await questions.locator('.staff-queue-count').textContent()).toBe('Waiting: 1');
    const utility = page.locator('.header-utility');
    const tops = await utility
      .locator('a, button')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size, `links at ${tops.join(', ')}`).toBe(1);
    expect(await utility.getByRole('link', { name: 'Staff home' }).isVisible()).toBe(true);
    await expectAccessible(page, 'staff home in English');
    await context.close();

    const resident = demoAccount(server, 'youth@demo.hamkke.kr');
    const residentContext = await browser.newContext({ baseURL: server.url, ...PHONE, locale: 'ko-KR' });
    const residentPage = await residentContext.newPage();
    await signIn(residentPage, server, resident.email, resident.password);
    expect(await residentPage.locator('.header-utility a[href="/staff"]').count()).toBe(0);
    await visit(residentPage, '/staff', 'staff home refused');
    expect(await residentPage.locator('main [role="alert"]').textContent()).toBeTruthy();
    expect(await residentPage.locator('.staff-queue').count()).toBe(0);
    await residentContext.close();
  }, 180_000);
});
