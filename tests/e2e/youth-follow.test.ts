import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { startJourney, stopJourney } from './journey.ts';
import { demoAccount, type RunningServer, staffSession } from './server.ts';

// Following in the browser: an anonymous visitor is asked to sign in; the demo youth account
// follows a policy and its field from the policy page, shares it, downloads the deadline as .ics,
// sees the follows and a change alert in "my alerts and follows", and unfollows there. axe on each page.
const TITLE = '영등포 청년 월세, 관리비; 지원';

function addDays(days: number): string {
  const d = new Date(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date())}T00:00:00Z`,
  );
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The demo staff account over the API, answering the JSON body of a successful call. */
async function staffApi(server: RunningServer) {
  const call = await staffSession(server);
  return async (method: string, path: string, body: unknown) => {
    const res = await call(method, path, body);
    const text = await res.text();
    expect(res.status, text).toBeLessThan(300);
    return text ? JSON.parse(text) : null;
  };
}

describe.skipIf(!hasBrowser)('following youth policies in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let policyId = '';
  let staff: Awaited<ReturnType<typeof staffApi>>;

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
    staff = await staffApi(server);
    const created = await staff('POST', '/api/v1/youth/policies', {
      title: TITLE,
      summary: '영등포구에 사는 청년에게 월세를 지원합니다.',
      fields: ['housing'],
      keywords: ['월세'],
      minAge: 19,
      maxAge: 39,
      rounds: [{ startsOn: addDays(-3), endsOn: addDays(10) }],
    });
    policyId = created.id;
    for (const to of ['review', 'published'])
      await staff('POST', `/api/v1/youth/policies/${policyId}/transition`, { to });
  }, 240_000);

  afterAll(() => stopJourney(server, browser), 30_000);

  test('follow from the policy page, download the deadline, see it in my alerts, unfollow', async () => {
    const context = await browser.newContext({ baseURL: server.url, acceptDownloads: true, ...PHONE });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const follow = page.locator('section[aria-labelledby="youth-follow"]');

    // Anonymous: a sign-in link instead of the buttons; the calendar is there for everyone.
    await visit(page, `/youth/policies/${policyId}`, 'policy detail, anonymous');
    expect(await follow.getByRole('button', { name: '이 정책 관심 등록' }).count()).toBe(0);
    expect(await follow.getByRole('link', { name: '로그인' }).getAttribute('href')).toContain(
      encodeURIComponent(`/youth/policies/${policyId}`),
    );

    const youth = demoAccount(server, 'youth@demo.hamkke.kr');
    await follow.getByRole('link', { name: '로그인' }).click();
    await page.locator('input[name="email"]').fill(youth.email);
    await page.locator('input[name="password"]').fill(youth.password);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(new RegExp(`/youth/policies/${policyId}$`));
    await settle(page);

    // Follow the policy and its field: pressed state and a polite message.
    const policyButton = follow.getByRole('button', { name: '이 정책 관심 등록' });
    await policyButton.waitFor();
    expect(await policyButton.getAttribute('aria-pressed')).toBe('false');
    await policyButton.click();
    await eventually(() => policyButton.getAttribute('aria-pressed')).toBe('true');
    const status = follow.locator('p[role="status"]').first();
    // The message is set once the follows have been read again, just after the pressed state.
    await eventually(() => status.textContent()).toContain('관심 등록했습니다');
    // The policy's fields and keywords are folded under one disclosure.
    await follow.getByText('분야·키워드도 관심 등록').click();
    const fieldButton = follow.getByRole('button', { name: '‘주거’ 분야 관심 등록' });
    await fieldButton.click();
    await eventually(() => fieldButton.getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'policy detail, following');
    await page.screenshot({ path: '/tmp/e2e-youth-follow.png', fullPage: true });

    // Share without a share sheet: the address is copied and the page says so.
    await follow.getByRole('button', { name: '공유하기' }).click();
    await eventually(() => follow.textContent()).toContain('정책 주소를 복사했습니다');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${server.url}/youth/policies/${policyId}`,
    );

    // The deadline as an .ics file: one all-day event on the round's last day.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      follow.getByRole('link', { name: /달력에 추가/ }).click(),
    ]);
    const ics = fs.readFileSync((await download.path())!, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DTSTART;VALUE=DATE:${addDays(10).replaceAll('-', '')}`);
    expect(unfolded).toContain('SUMMARY:[마감] 영등포 청년 월세\\, 관리비\\; 지원');

    // Staff change the policy: the follower is told.
    await staff('PATCH', `/api/v1/youth/policies/${policyId}`, { summary: '지원 금액이 늘었습니다.' });

    await follow.getByRole('link', { name: '내 알림과 관심' }).click();
    await page.waitForURL(/\/youth\/alerts$/);
    await page.locator('h1', { hasText: '내 알림과 관심' }).waitFor();
    await settle(page);
    const follows = page.locator('section[aria-labelledby="youth-my-follows"]');
    await eventually(() => follows.locator('li').count()).toBe(2);
    expect(await follows.textContent()).toContain(TITLE);
    const alerts = page.locator('section[aria-labelledby="youth-my-alerts"]');
    await eventually(() => alerts.textContent()).toContain('관심 정책 변경');
    expect(await alerts.getByRole('link', { name: TITLE }).first().getAttribute('href')).toBe(
      `/youth/policies/${policyId}`,
    );
    expect(await page.getByRole('link', { name: '알림 설정으로 가기' }).getAttribute('href')).toBe(
      '/my#me-prefs',
    );
    await expectAccessible(page, 'my alerts and follows');
    await page.screenshot({ path: '/tmp/e2e-youth-my-alerts.png', fullPage: true });

    // Unfollow the field here; the list and the message say so.
    await follows.getByRole('button', { name: '‘주거’ 분야 관심 등록 해제' }).click();
    await eventually(() => follows.locator('li').count()).toBe(1);
    await eventually(() => follows.locator('p[role="status"]').textContent()).toContain('해제했습니다');
    await expectAccessible(page, 'my alerts and follows after unfollowing');
    expect(errors, 'script errors in the page').toEqual([]);
    await context.close();
  }, 180_000);

  test('the policy list offers to follow the current field and search word', async () => {
    const context = await browser.newContext({ baseURL: server.url, ...PHONE });
    const page = await context.newPage();
    const search = page.locator('section[aria-labelledby="youth-follow-search"]');
    await visit(
      page,
      '/youth/policies?field=housing&q=%EC%9B%94%EC%84%B8',
      'policy list with a search, anonymous',
    );
    expect(await search.getByRole('link', { name: '로그인' }).count()).toBe(1);

    const youth = demoAccount(server, 'youth@demo.hamkke.kr');
    await search.getByRole('link', { name: '로그인' }).click();
    await page.locator('input[name="email"]').fill(youth.email);
    await page.locator('input[name="password"]').fill(youth.password);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/youth\/policies\?/);
    await settle(page);
    const keyword = search.getByRole('button', { name: '‘월세’ 키워드 관심 등록' });
    await keyword.waitFor();
    expect(
      await search.getByRole('button', { name: '‘주거’ 분야 관심 등록' }).getAttribute('aria-pressed'),
    ).toBe('false');
    await keyword.click();
    await eventually(() => keyword.getAttribute('aria-pressed')).toBe('true');
    await eventually(() => search.locator('p[role="status"]').textContent()).toContain(
      '‘월세’ 키워드: 관심 등록했습니다',
    );
    await expectAccessible(page, 'policy list, following the search word');
    // Pressing again unfollows.
    await keyword.click();
    await eventually(() => keyword.getAttribute('aria-pressed')).toBe('false');
    await eventually(() => search.locator('p[role="status"]').textContent()).toContain('해제했습니다');
    await context.close();
  }, 120_000);
});
