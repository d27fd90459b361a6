import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, expectAccessible, hasBrowser, PHONE, settle, visit } from './browser.ts';
import { openWindow, startJourney, stopJourney } from './journey.ts';
import type { RunningServer } from './server.ts';

// Governance projects (협치사업) on a phone: a resident reaches the projects from the 협치 page,
// opens the first sample project, reads its milestones and published minutes and follows it, and is
// told the working group's space is for members only; the secretary (박구민) records a meeting in
// the space and publishes its minutes, which then show on the public page; staff read the space
// with their own tools; the secretary adds a document to the space (an http address is refused first),
// and a resident reads the published final evaluation of the project past execution, scores in words;
// staff add a milestone on the project page and tick it done on a day; an English reader sees the
// milestones' English titles (the Korean one where there is none). Axe on every page, nothing raw
// (ids, codes) shown.

const FIRST = '[예시] 마을 돌봄 공간 함께 만들기';
const EVALUATED = '[예시] 사회적경제 공공구매 연결망';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The page's main text shows no ids and no enum codes. */
async function expectNothingRaw(page: Page) {
  const text = (await page.locator('main').innerText()) ?? '';
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(/\b(during|before|after|secretary|chair|citizen|official|consensus|draft)\b/);
  expect(text).not.toMatch(/govProject\./);
}

/** No element is wider than the phone's screen. */
async function expectFitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.viewport.width);
}

describe.skipIf(!hasBrowser)('governance projects and working groups in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let projectPath = '';

  beforeAll(async () => {
    ({ server, browser } = await startJourney());
  }, 240_000);
  afterAll(() => stopJourney(server, browser), 30_000);

  test('a resident finds a project from 협치, reads its record, follows it, and is refused the space', async () => {
    const w = await openWindow(browser, server, { ...PHONE, as: 'youth@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance', 'governance area');
    await page.getByRole('link', { name: '지역사회 혁신 협치 사업' }).click();
    await page.getByRole('heading', { level: 1, name: '협치사업' }).waitFor();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe('/governance/projects');
    await expectAccessible(page, 'project list');
    expect(await page.locator('main .project-list li.card').count()).toBe(10);
    await expect.poll(() => page.locator('.project-stats').innerText()).toContain('10개 사업');
    // Money in words people read: 150,000천원 is 1억 5,000만 원.
    const first = page.locator('li.card', { hasText: FIRST });
    expect(await first.innerText()).toContain('예산 1억 5,000만 원');
    expect(await first.locator('progress').getAttribute('value')).toBe('45');
    // Filtering by department and phase.
    await page.getByLabel('담당 부서').selectOption('복지정책과');
    expect(await page.locator('main .project-list li.card').count()).toBe(2);
    await page.getByLabel('단계').selectOption('before');
    await eventually(() => page.locator('main .project-list li.card').count()).toBe(0);
    await page.getByLabel('단계').selectOption('during');
    await expectNothingRaw(page);
    await expectFitsPhone(page);

    await page.getByRole('link', { name: FIRST }).click();
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor();
    await settle(page);
    projectPath = new URL(page.url()).pathname;
    expect(projectPath).toMatch(/^\/governance\/projects\/[0-9a-f-]{36}$/);
    const milestones = page.getByRole('region', { name: '추진 단계' });
    expect(await milestones.getByRole('listitem').count()).toBe(4);
    expect(await milestones.innerText()).toContain('돌봄 공간 후보지 확정');
    const minutes = page.getByRole('region', { name: '공개된 회의록' });
    expect(await minutes.getByRole('heading', { name: '2차 워킹그룹 회의' }).count()).toBe(1);
    expect(await minutes.innerText()).toContain('1호 돌봄 공간은 신길동 경로당 2층으로 합니다.');
    expect(await minutes.innerText()).toContain('찬성 3 · 반대 0 · 기권 1');
    expect(await minutes.innerText()).toContain('합의');
    // A non-member is offered no way into the space.
    expect(await page.getByRole('link', { name: '실무협의체 공간 열기' }).count()).toBe(0);
    await expectAccessible(page, 'project page');
    await expectNothingRaw(page);
    await expectFitsPhone(page);

    await page.getByRole('button', { name: '이 사업 소식 받기' }).click();
    await eventually(() => page.locator('body').innerText()).toContain('이 사업의 새 소식을 알려 드립니다.');
    await page.getByRole('button', { name: '소식 받기 그만두기' }).waitFor();
    await eventually(() => page.getByRole('region', { name: '사업 개요' }).innerText()).toContain(
      '지켜보는 사람 1명',
    );
    await page.reload();
    await settle(page);
    await page.getByRole('button', { name: '소식 받기 그만두기' }).waitFor();

    // Typing the space's address: a plain "members only" page, not a crash.
    await page.goto(`${projectPath}/space`);
    await settle(page);
    await page.getByRole('heading', { name: '실무협의체 위원만 볼 수 있습니다' }).waitFor();
    expect(await page.getByRole('link', { name: '사업 페이지로 가기' }).getAttribute('href')).toBe(
      projectPath,
    );
    await expectAccessible(page, 'space refused');
    await expectNothingRaw(page);

    // The project past execution shows its published final evaluation, scores as text.
    await visit(page, '/governance/projects', 'project list again');
    await page.getByRole('link', { name: EVALUATED }).click();
    await page.getByRole('heading', { level: 1, name: EVALUATED }).waitFor();
    await settle(page);
    const evaluation = page.getByRole('region', { name: '최종 평가' });
    const scores = await evaluation.innerText();
    for (const words of [
      '목표 달성',
      '주민 참여',
      '협업',
      '지속 가능성',
      '5점 / 5점',
      '3점 / 5점',
      '평균 4.0점 / 5점',
    ])
      expect(scores).toContain(words);
    expect(scores).toContain('주민 평가단');
    expect(await evaluation.getByRole('term').count()).toBe(4);
    await expectAccessible(page, 'project page with its final evaluation');
    await expectNothingRaw(page);
    await expectFitsPhone(page);
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 150_000);

  test('the secretary records a meeting in the space and publishes its minutes; staff read the space', async () => {
    expect(projectPath).not.toBe('');
    const w = await openWindow(browser, server, { ...PHONE, as: 'resident@demo.hamkke.kr' });
    const { page } = w;
    await visit(page, '/governance/projects', 'project list as a member');
    // A member finds their groups at the top of the list.
    const mine = page.getByRole('region', { name: '내가 참여하는 실무협의체' });
    expect(await mine.innerText()).toContain('간사 · 주민');
    await mine.getByRole('link', { name: FIRST }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe(`${projectPath}/space`);
    await page.getByRole('heading', { level: 1, name: `실무협의체 공간: ${FIRST}` }).waitFor();
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('내 역할: 간사');
    const members = page.getByRole('region', { name: '위원', exact: true });
    expect(await members.innerText()).toContain('한위원');
    expect(await members.innerText()).toContain('위원장');
    expect(await page.getByRole('region', { name: '할 일' }).innerText()).toContain(
      '운영 시간 주민 설문 만들기',
    );
    // The phase, in words, with the current step marked.
    const phase = page.getByRole('region', { name: '사업 단계' });
    expect(await phase.locator('[aria-current="step"]').innerText()).toContain('실행 중');
    expect(await page.getByRole('region', { name: '최종 평가' }).innerText()).toContain(
      '아직 최종 평가를 적지 않았습니다.',
    );
    await expectAccessible(page, 'group space as secretary');
    await expectNothingRaw(page);
    await expectFitsPhone(page);

    // A document: an http address is refused in words; an https one is added and listed first.
    const documents = page.getByRole('region', { name: '자료', exact: true });
    expect(await documents.innerText()).toContain('[예시] 비슷한 사업을 한 다른 구의 사례 모음');
    const docTitle = `운영 시간 설문지 ${Date.now()}`;
    await documents.getByLabel('자료 이름').fill(docTitle);
    await documents.getByLabel('종류').selectOption('agenda');
    await documents.getByLabel('주소(https://)').fill('http://example.org/survey');
    await documents.getByRole('button', { name: '자료 올리기' }).click();
    await eventually(() => documents.innerText()).toContain('https://로 시작하는 주소를 입력해 주십시오');
    await expectAccessible(page, 'document form with an error');
    await documents.getByLabel('주소(https://)').fill('https://example.org/survey');
    await documents.getByLabel('짧은 메모').fill('주민 설문지 초안입니다.');
    await documents.getByRole('button', { name: '자료 올리기' }).click();
    const added = documents.locator('li.card', { hasText: docTitle });
    await added.waitFor();
    expect(await added.innerText()).toContain('회의 자료');
    expect(await added.innerText()).toContain('박구민 님이');
    expect(await added.getByRole('link').getAttribute('href')).toBe('https://example.org/survey');
    expect(await documents.locator('li.card').first().innerText()).toContain(docTitle);
    await expectAccessible(page, 'space with a new document');
    await expectNothingRaw(page);

    const title = `3차 워킹그룹 회의 ${Date.now()}`;
    await page.getByRole('button', { name: '회의 기록하기' }).click();
    await page.getByLabel('회의 이름').fill(title);
    await page.getByLabel('안건').fill('1. 1호 공간 운영 시간 설문 결과');
    await page
      .getByLabel('회의 내용', { exact: false })
      .fill('설문 결과 평일 오후 운영이 가장 많이 꼽혔습니다.');
    await page.getByLabel('한위원 (위원장)').check();
    await page.getByLabel('박구민 (간사)').check();
    await expectAccessible(page, 'meeting form');
    await page.getByRole('button', { name: '회의 기록 저장' }).click();
    const meeting = page.locator('article.meeting', { hasText: title });
    await meeting.waitFor();
    expect(await meeting.innerText()).toContain('회의록 초안');
    expect(await meeting.innerText()).toContain('참석 2/4명: 한위원, 박구민');
    await meeting.getByLabel('결정한 내용').fill('1호 공간은 평일 오후에 엽니다.');
    await meeting.getByLabel('결정 방법').selectOption('consensus');
    await meeting.getByRole('button', { name: '결정 사항 추가' }).click();
    await eventually(() => meeting.innerText()).toContain('1호 공간은 평일 오후에 엽니다.');

    await meeting.getByRole('button', { name: '회의록 공개' }).click();
    const dialog = page.getByRole('dialog', { name: '회의록을 공개할까요?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '회의록 공개' }).click();
    await eventually(() => meeting.innerText()).toContain('공개됨');
    expect(await meeting.getByRole('button', { name: '회의록 공개' }).count()).toBe(0);
    await expectAccessible(page, 'space after publishing');

    await visit(page, projectPath, 'project page with the new minutes');
    const published = page.getByRole('region', { name: '공개된 회의록' });
    expect(await published.getByRole('heading', { name: title }).count()).toBe(1);
    expect(await published.innerText()).toContain('참석 2명');
    expect(await page.getByRole('region', { name: '새 소식' }).innerText()).toContain(title);
    expect(w.errors).toEqual([]);
    await w.context.close();

    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    await visit(staff.page, projectPath, 'project page as staff');
    await staff.page.getByRole('link', { name: '실무협의체 공간 열기' }).click();
    await staff.page.getByRole('heading', { level: 1, name: `실무협의체 공간: ${FIRST}` }).waitFor();
    await settle(staff.page);
    // Staff here is also a member (공무원 위원); its tools are the staff ones.
    await staff.page.getByRole('heading', { name: '진행 상황 바꾸기(직원)' }).waitFor();
    await staff.page.getByRole('heading', { name: '위원 추가(직원)' }).waitFor();
    expect(await staff.page.getByRole('button', { name: '회의록 공개' }).count()).toBe(0);
    await expectAccessible(staff.page, 'group space as staff');
    await expectNothingRaw(staff.page);
    await expectFitsPhone(staff.page);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  }, 180_000);

  test('staff add a milestone on the project page and tick it done; followers get the news', async () => {
    const staff = await openWindow(browser, server, { ...PHONE, as: 'staff@demo.hamkke.kr' });
    const { page } = staff;
    await visit(page, projectPath, 'project page as staff');
    const milestones = page.getByRole('region', { name: '추진 단계' });
    await milestones.getByRole('heading', { name: '추진 단계 추가' }).waitFor();
    const before = await milestones.getByRole('listitem').count();
    const title = '돌봄 공간 이용 안내서 배포';
    await milestones.getByLabel('추진 단계 이름').fill(title);
    await milestones.getByLabel('목표일').fill('2019-11-30');
    await milestones.getByRole('button', { name: '추진 단계 추가' }).click();
    const item = milestones.getByRole('listitem').filter({ hasText: title });
    await item.waitFor();
    expect(await milestones.getByRole('listitem').count()).toBe(before + 1);
    expect(await item.innerText()).toContain('예정');
    await expectAccessible(page, 'project page with staff milestone tools');
    await item.getByLabel(`완료한 날: ${title}`).fill('2019-11-20');
    await item.getByRole('button', { name: `완료 표시: ${title}` }).click();
    await eventually(() => item.innerText()).toContain('2019. 11. 20. 완료');
    await item.getByRole('button', { name: `완료 취소: ${title}` }).waitFor();
    await eventually(() => page.getByRole('region', { name: '새 소식' }).innerText()).toContain(title);
    await expectAccessible(page, 'project page after ticking a milestone');
    await expectNothingRaw(page);
    await expectFitsPhone(page);

    // From the staff home, staff register a new project and land on its page.
    await visit(page, '/staff', 'staff home');
    await page.getByRole('link', { name: '협치사업 등록' }).click();
    await page.getByRole('heading', { level: 1, name: '새 협치사업 등록' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'new project form');
    await page.getByLabel('사업 이름').fill('골목 정원 가꾸기');
    await page.getByLabel('담당 부서').fill('공원녹지과');
    await page.getByLabel('예산(천원)').fill('80000');
    await page.getByLabel('사업 설명').fill('주민이 골목 화단을 함께 가꿉니다.');
    await page.getByRole('button', { name: '등록하기' }).click();
    await page.getByRole('heading', { level: 1, name: '골목 정원 가꾸기' }).waitFor();
    expect(await page.getByRole('region', { name: '사업 개요' }).innerText()).toContain('공원녹지과');
    expect(staff.errors).toEqual([]);
    await staff.context.close();
  }, 120_000);

  test('an English reader sees the milestones in English, the Korean title where there is no English one', async () => {
    const w = await openWindow(browser, server, { ...PHONE, locale: 'en-US' });
    const { page } = w;
    await visit(page, projectPath, 'project page in English');
    const milestones = page.getByRole('region', { name: 'Milestones' });
    await eventually(() => milestones.innerText()).toContain('Settle the care space sites');
    expect(await milestones.innerText()).not.toContain('돌봄 공간 후보지 확정');
    // The milestone staff added above has no English title: its Korean one shows, marked as Korean.
    expect(await milestones.locator('[lang="ko"]', { hasText: '돌봄 공간 이용 안내서 배포' }).count()).toBe(
      1,
    );
    await expectAccessible(page, 'project page in English');
    expect(w.errors).toEqual([]);
    await w.context.close();
  }, 60_000);
});
