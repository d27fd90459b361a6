import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import { apiSession, type RunningServer, staffSession } from './server.ts';

// Roll call and the completion certificate in a real browser on a phone, axe on every page: staff
// create a one-session course that has just ended (through the API), the demo youth account holds a
// seat; staff reach the roll call from the staff home's queue, mark the person present, and the young
// person downloads the certificate (a PDF) from the program page and sees it in their registrations.

describe.skipIf(!hasBrowser)('roll call and certificate in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('staff take attendance; the young person downloads the certificate', async () => {
    const hour = 3_600_000;
    const at = (h: number) => new Date(Date.now() + h * hour).toISOString();
    const title = '드론 촬영 입문 과정';
    const staffApi = await staffSession(server);
    const created = await staffApi('POST', '/api/v1/booking/staff/programs', {
      code: `drone-${Date.now()}`,
      area: 'youth',
      kind: 'course',
      titleKo: title,
      titleEn: 'Drone filming basics',
      opensAt: at(-0.5),
      closesAt: at(24),
      capacity: 10,
      completionPercent: 100,
      sessions: [{ startsAt: at(-3), endsAt: at(-1), address: '영등포구 당산로 1' }],
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const youthApi = await apiSession(server, 'youth@demo.hamkke.kr');
    expect((await youthApi('POST', `/api/v1/booking/programs/${id}/registration`, {})).status).toBe(200);

    const {
      context: staffContext,
      page,
      errors,
    } = await openWindow(browser, server, {
      ...PHONE,
      as: 'staff@demo.hamkke.kr',
    });
    await visit(page, '/staff', 'staff home');
    await page.getByRole('link', { name: '출석 확인이 남은 강좌·행사 회차' }).click();
    await settle(page);
    await expectAccessible(page, 'staff programs');
    await page.getByRole('link', { name: title }).click();
    await settle(page);
    await eventually(() => page.locator('main').textContent()).toContain('이청년');
    await expectAccessible(page, 'staff program page');
    await page.getByRole('link', { name: /출석 확인/ }).click();
    await settle(page);
    await page.getByRole('group', { name: '이청년' }).getByLabel('출석').check();
    await page.getByRole('button', { name: '이 쪽 출석 저장' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('출석 1명, 결석 0명');
    await expectAccessible(page, 'roll call, saved');
    await staffContext.close();

    const youth = await openWindow(browser, server, {
      ...PHONE,
      acceptDownloads: true,
      as: 'youth@demo.hamkke.kr',
    });
    const mine = youth.page;
    await visit(mine, `/booking/programs/${id}`, 'program page');
    await eventually(() => mine.locator('main').textContent()).toContain('수료했습니다');
    await expectAccessible(mine, 'program page, completed and survey');
    const [download] = await Promise.all([
      mine.waitForEvent('download'),
      mine.getByRole('link', { name: '수료증 내려받기 (PDF)' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    // The list of the person's registrations says the same.
    await visit(mine, '/booking/programs/mine', 'my registrations');
    await eventually(() => mine.locator('main').textContent()).toContain('출석 1회 / 전체 1회');
    await expectAccessible(mine, 'my registrations');
    expect([...errors, ...youth.errors]).toEqual([]);
    await youth.context.close();
  }, 180_000);
});
