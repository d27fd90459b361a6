import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// Staff download the demo deliberation as Pol.is open-data files from its page on a phone; a
// resident sees no download links (and the server refuses them: export.test.ts).

describe.skipIf(!hasBrowser)('deliberation export links in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('staff download votes.csv from the deliberation page; residents see no links', async () => {
    const staff = await openWindow(browser, server, {
      ...PHONE,
      as: 'staff@demo.hamkke.kr',
      acceptDownloads: true,
    });
    await visit(staff.page, '/governance/deliberations', 'deliberation list');
    await staff.page.getByRole('link', { name: /2020 지역사회혁신계획/ }).click();
    await settle(staff.page);
    const heading = staff.page.getByRole('heading', { name: '자료 내려받기 (담당자용)' });
    await eventually(() => heading.count()).toBe(1);
    await expectAccessible(staff.page, 'deliberation page with the staff downloads');
    const [download] = await Promise.all([
      staff.page.waitForEvent('download'),
      staff.page.getByRole('link', { name: '투표 기록 (votes.csv)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^deliberation-[0-9a-f]{8}-votes\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('timestamp,datetime,comment-id,voter-id,vote');
    expect(text.split('\n').length).toBeGreaterThan(10);
    expect(text).not.toContain('@');
    expect(staff.errors).toEqual([]);
    const url = new URL(staff.page.url()).pathname;
    await staff.context.close();

    const resident = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    await visit(resident.page, url, 'deliberation page for a resident');
    await eventually(() => resident.page.getByRole('heading', { name: '의견 지도' }).count()).toBe(1);
    expect(await resident.page.getByRole('heading', { name: '자료 내려받기 (담당자용)' }).count()).toBe(0);
    expect(await resident.page.getByRole('link', { name: /votes\.csv/ }).count()).toBe(0);
    await resident.context.close();
  }, 180_000);
});
