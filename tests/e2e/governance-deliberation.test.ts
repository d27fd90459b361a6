import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// The deliberation map on a phone: from the governance area page to the demo's sample deliberation,
// the demo resident votes on ten statements with the voting card's big buttons, then sees where they
// stand on the opinion map (a group, the "you" mark), then adds a statement, which staff accept from
// the staff home's review queue; axe on every page.

describe.skipIf(!hasBrowser)('deliberation voting card and opinion map in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('a resident votes on ten statements and sees where they stand', async () => {
    const w = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance', 'governance area');
    await page.getByRole('link', { name: '온라인 공론장' }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe('/governance/deliberations');
    await expectAccessible(page, 'deliberation list');
    await page.getByRole('link', { name: /2020 지역사회혁신계획/ }).click();
    await settle(page);
    const card = page.locator('.deliberation-card');
    await eventually(() => card.locator('.deliberation-progress').textContent()).toContain(
      '20개 중 0개에 투표했습니다',
    );
    await expectAccessible(page, 'voting card and map');
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const statement = (await card.locator('.deliberation-statement').textContent())?.trim() ?? '';
      expect(seen.has(statement)).toBe(false);
      seen.add(statement);
      const choice = ['동의', '비동의', '동의', '잘 모르겠음', '동의'][i % 5]!;
      await card.getByRole('button', { name: choice, exact: true }).click();
      await eventually(() => card.locator('.deliberation-progress').textContent()).toContain(
        `20개 중 ${i + 1}개에 투표했습니다`,
      );
    }
    // The map follows the votes: the resident is placed, in a group, with the "you" mark drawn.
    await eventually(() => page.getByTestId('deliberation-me').textContent(), {
      timeout: 30_000,
      interval: 250,
    }).toMatch(/내 위치: (가|나|다|라|마) 모임에 가깝습니다/);
    expect(await page.locator('.deliberation-map .deliberation-you').count()).toBe(1);
    expect(await page.getByRole('heading', { name: /모임/ }).count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'map after ten votes');
    // A statement of their own goes to review; staff reach it from the staff home and accept it.
    const mine = `여정 시험 의견 ${Date.now()}`;
    await page.getByRole('textbox', { name: /^의견 \(140자 이내\)/ }).fill(mine);
    await page.getByRole('button', { name: '의견 보내기' }).click();
    await eventually(() => page.locator('body').textContent()).toContain('의견을 보냈습니다');
    expect(w.errors).toEqual([]);
    await w.context.close();

    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staff.page, '/staff', 'staff home');
    await staff.page.getByRole('link', { name: '검토를 기다리는 숙의 의견' }).click();
    await settle(staff.page);
    expect(new URL(staff.page.url()).pathname).toBe('/governance/staff/statements');
    const item = staff.page.locator('li.card', { hasText: mine });
    await eventually(() => item.count()).toBe(1);
    await expectAccessible(staff.page, 'statement review');
    await item.getByRole('button', { name: '승인', exact: true }).click();
    await eventually(() => staff.page.locator('li.card', { hasText: mine }).count()).toBe(0);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  }, 180_000);
});
