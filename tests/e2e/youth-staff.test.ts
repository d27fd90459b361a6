import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { youthPolicyRecords } from '../fixtures/youth-policies.ts';
import { signIn } from './accounts.ts';
import { eventually, expectAccessible, hasBrowser, settle, visit, WORKER_WAIT } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import { apiSession, demoAccount, type RunningServer } from './server.ts';

// The youth staff pages in a real browser against the real server (demo mode), axe on every page:
// the demo staff account writes a policy, publishes it (a follower is alerted), imports a small
// getPlcy file watching the progress bar, and reads the alert statistics.
const KEYWORD = '청년쉼표';
const TITLE = '영등포 청년 쉼표 프로젝트';

const seoulDay = (shift: number) => {
  const d = new Date(Date.now() + 9 * 3600_000);
  d.setUTCDate(d.getUTCDate() + shift);
  return d.toISOString().slice(0, 10);
};

describe.skipIf(!hasBrowser)('youth staff pages in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    // The demo youth follows a keyword, so publishing the staff's policy sends an alert to count.
    const youthApi = await apiSession(server, 'youth@demo.hamkke.kr');
    const follow = await youthApi('POST', '/api/v1/youth/follows', { kind: 'keyword', target: KEYWORD });
    expect(follow.status, await follow.clone().text()).toBe(200);
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('staff write and publish a policy, import a file with progress, and read alert statistics', async () => {
    const staff = demoAccount(server, 'staff@demo.hamkke.kr');
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, staff.email, staff.password);

    // The youth area lists the staff pages for staff.
    await visit(page, '/youth', 'youth area as staff');
    await page.getByRole('link', { name: '청년 정책 관리' }).click();
    await page.locator('h1', { hasText: '청년 정책 관리' }).waitFor();
    await settle(page);
    // The demo's own policies from the 2019 plan are there already.
    await eventually(() => page.locator('main').textContent()).toContain('청년 취·창업 아카데미');
    const before = (await page.locator('main .youth-count[role="status"]').first().textContent()) ?? '';
    const demoPolicies = Number(/전체 (\d+)건/.exec(before)?.[1]); // all published
    await expectAccessible(page, 'staff policy list');

    // A new draft: the browser's check, then the server's, each shown next to its field.
    await page.getByRole('link', { name: '새 정책 작성' }).click();
    await page.locator('h1', { hasText: '새 정책 작성' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'new policy form');
    await page.getByRole('button', { name: '정책 저장' }).click();
    await eventually(() => page.locator('main form .field-error').count()).toBe(1);
    // The browser checks with the contract the server uses, in the server's words.
    expect(await page.locator('main form .field-error').textContent()).toContain('필수 항목입니다');
    await expectAccessible(page, 'new policy form with an error');

    await page.getByLabel('정책명').fill(TITLE);
    await page.getByLabel('정책 요약').fill('영등포구 청년에게 쉼과 회복 프로그램을 드립니다.');
    await page.getByLabel('지원 내용').fill('마음건강 상담 5회, 쉼 프로그램 참여비 지원');
    await page.getByLabel('키워드').fill(`${KEYWORD}, 마음건강`);
    await page.getByLabel('운영 기관').fill('영등포구청 청년정책과');
    await page.getByRole('checkbox', { name: '복지·문화' }).check();
    await page.getByRole('button', { name: '회차 추가' }).click();
    await page.getByLabel('1회차 시작일').fill(seoulDay(-1));
    await page.getByLabel('1회차 종료일').fill(seoulDay(30));
    await page.getByLabel('최소 연령(만)').fill('40');
    await page.getByLabel('최대 연령(만)').fill('34');
    const residence = page.getByRole('group', { name: '거주 지역', exact: true });
    await residence.getByRole('radio', { name: '지역 지정' }).check();
    await residence.getByRole('checkbox', { name: '영등포구' }).check();
    await page.getByRole('group', { name: '취업 상태' }).getByRole('checkbox', { name: '제한없음' }).check();
    await page.getByRole('button', { name: '정책 저장' }).click();
    const maxAge = page.locator('.field', { has: page.getByLabel('최대 연령(만)') });
    await eventually(() => maxAge.locator('.field-error').textContent()).toContain(
      '최대 연령은 최소 연령보다',
    );
    await expectAccessible(page, 'new policy form with a server error');
    await page.getByLabel('최소 연령(만)').fill('19');
    await page.getByRole('button', { name: '정책 저장' }).click();
    await page.waitForURL(/\/youth\/staff\/policies\/[0-9a-f-]{36}$/);
    const editorUrl = new URL(page.url()).pathname;
    await page.locator('h1', { hasText: '정책 고치기' }).waitFor();
    await settle(page);
    await eventually(() => page.locator('main .alert-success').textContent()).toContain(
      '작성 중 상태로 저장했습니다',
    );
    expect(await page.getByLabel('정책명').inputValue()).toBe(TITLE);
    expect(await page.getByLabel('1회차 종료일').inputValue()).toBe(seoulDay(30));
    await expectAccessible(page, 'policy editor (draft)');

    // Review, then publish: only the allowed moves are offered.
    expect(await page.getByRole('button', { name: '게시' }).count()).toBe(0);
    await page.getByRole('button', { name: '검토 요청' }).click();
    await eventually(() => page.locator('main .alert-success').textContent()).toContain(
      '검토를 요청했습니다',
    );
    await page.getByRole('button', { name: '게시', exact: true }).click();
    await eventually(() => page.locator('main .alert-success').textContent()).toContain(
      '정책을 게시했습니다',
    );
    await page.getByRole('button', { name: '종료' }).waitFor();

    // An edit of the published policy: the history names the changed field.
    await page.getByLabel('정책 요약').fill('영등포구 청년에게 쉼과 회복 프로그램을 무료로 드립니다.');
    await page.getByRole('button', { name: '변경 내용 저장' }).click();
    await eventually(() => page.locator('main .alert-success').textContent()).toContain(
      '정책을 저장했습니다',
    );
    const history = page.locator('section[aria-labelledby="staff-history"] li');
    await eventually(() => history.count()).toBe(4);
    expect(await history.first().textContent()).toContain('바뀐 항목: 정책 요약');
    expect(await history.nth(1).textContent()).toContain('상태 변경: 게시');
    await expectAccessible(page, 'policy editor (published, with history)');

    // Residents see it in the public list.
    await visit(page, `/youth/policies?q=${encodeURIComponent('쉼표')}`, 'public list');
    await eventually(() => page.locator('main').textContent()).toContain(TITLE);

    // Import: three real records and one unreadable, with the progress bar and the report.
    const real = youthPolicyRecords().slice(0, 3);
    const file = { result: { youthPolicyList: [...real, { plcyNo: '', plcyNm: '' }] } };
    await visit(page, '/youth/staff/import', 'import page');
    const phase = page.locator('[data-phase]');
    expect(await phase.getAttribute('data-phase')).toBe('idle');
    // A file that is not a policy list: the server's reason, and the phase says it failed.
    await page.getByLabel('정책 파일(JSON)').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await page.getByRole('button', { name: '가져오기 시작' }).click();
    await eventually(() => phase.getAttribute('data-phase')).toBe('failed');
    expect(await page.locator('main [role="alert"]').textContent()).toContain('온통청년 정책 목록');
    await expectAccessible(page, 'import page after a refused file');
    // Every phase the live region shows, in order.
    await page.evaluate(() => {
      const el = document.querySelector('[data-phase]') as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { phases: string[] }).phases = seen;
      new MutationObserver(() => seen.push(el.dataset.phase ?? '')).observe(el, { attributes: true });
    });
    await page.getByLabel('정책 파일(JSON)').setInputFiles({
      name: 'policies.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('button', { name: '가져오기 시작' }).click();
    await eventually(() => phase.getAttribute('data-phase')).toBe('done');
    const phases = await page.evaluate(() => (window as unknown as { phases: string[] }).phases);
    expect(phases.at(-1)).toBe('done');
    expect(phases).toContain('importing');
    expect(phases.indexOf('importing')).toBeLessThan(phases.indexOf('done'));
    expect(await phase.textContent()).toContain('가져오기를 마쳤습니다');
    const bar = page.getByRole('progressbar', { name: '가져오기 진행률' });
    expect(await bar.getAttribute('value')).toBe('100');
    const report = page.locator('section[aria-labelledby="staff-import-report"]');
    expect(await report.locator('dl').textContent()).toMatch(/새로 가져옴\s*3.*고침\s*0.*가져오지 못함\s*1/);
    expect(await report.locator('tbody').textContent()).toContain('정책번호(plcyNo)가 없거나');
    expect(await page.getByRole('link', { name: '정책 파일 내려받기(JSON)' }).getAttribute('href')).toBe(
      '/api/v1/youth/policies/export',
    );
    await expectAccessible(page, 'import page with the report');

    // The staff list now has the imported policies too, filterable by state.
    await visit(page, '/youth/staff/policies?status=published', 'staff list (published)');
    expect(await page.locator('main .youth-count[role="status"]').first().textContent()).toContain(
      `전체 ${demoPolicies + 4}건`, // the demo's, this journey's one and three imported
    );

    // Alert statistics: the follower's in-app alert is counted once the worker has delivered it.
    await eventually(async () => {
      await page.goto('/youth/staff/alerts');
      await settle(page);
      return page.locator('.staff-bars li').first().textContent();
    }, WORKER_WAIT).toContain('보냄 1건');
    expect(await page.locator('main').textContent()).toContain('추적 이미지(픽셀)를 넣지 않기 때문입니다');
    expect(await page.locator('.staff-bars li').allTextContents()).toEqual([
      expect.stringContaining('앱 알림'),
      expect.stringContaining('이메일'),
      expect.stringContaining('웹 푸시'),
      expect.stringContaining('문자·알림톡'),
    ]);
    // The chart of sends by kind and channel, its table in reach of screen readers.
    const chart = page.getByRole('figure', { name: /알림 종류와 채널별 보낸 건수/ });
    await chart.scrollIntoViewIfNeeded(); // drawn as it nears the screen
    await expect.poll(() => chart.locator('svg .ct-bar').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await chart.getByRole('table').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    const captions = await page.locator('main table caption').allTextContents();
    expect(captions.some((c) => c.includes('알림 종류와 채널별 보낸 건수와 열어 본 건수'))).toBe(true);
    await expectAccessible(page, 'alert statistics');
    // A range that ends before it starts: the server's message next to the end date.
    await page.getByLabel('시작일').fill('2026-03-05');
    await page.getByLabel('종료일').fill('2026-03-01');
    await page.getByRole('button', { name: '기간 적용' }).click();
    const to = page.locator('.field', { has: page.getByLabel('종료일') });
    await eventually(() => to.locator('.field-error').textContent()).toContain(
      '끝 날짜는 시작 날짜와 같거나',
    );
    await expectAccessible(page, 'alert statistics with an error');

    // Closing cannot be undone: it asks first, then residents no longer see the policy.
    await visit(page, editorUrl, 'policy editor (published)');
    await page.getByRole('button', { name: '종료' }).click();
    const dialog = page.getByRole('dialog', { name: '정책을 종료하시겠습니까?' });
    await dialog.waitFor();
    await expectAccessible(page, 'close confirmation');
    await dialog.getByRole('button', { name: '종료합니다' }).click();
    await eventually(() => page.locator('main .alert-success').textContent()).toContain(
      '정책을 종료했습니다',
    );
    const workflow = page.locator('section[aria-labelledby="staff-workflow"]');
    await eventually(() => workflow.textContent()).toContain('종료되어 더 이상 바꿀 수 없습니다');
    expect(await workflow.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'policy editor (closed)');
    const publicList = await (
      await fetch(`${server.url}/api/v1/youth/policies?q=${encodeURIComponent('쉼표')}`)
    ).json();
    expect(publicList.items.map((i: { title: string }) => i.title)).not.toContain(TITLE);

    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 240_000);

  test('people without a staff role see no staff links and are refused the pages', async () => {
    const youth = demoAccount(server, 'youth@demo.hamkke.kr');
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await signIn(page, server, youth.email, youth.password);
    await visit(page, '/youth', 'youth area as a young person');
    expect(await page.getByRole('link', { name: '청년 정책 관리' }).count()).toBe(0);
    await visit(page, '/youth/staff/import', 'import page refused');
    expect(await page.locator('main [role="alert"]').textContent()).toBeTruthy();
    await context.close();
  }, 120_000);
});
