import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import {
  createOtherOrganization,
  HostClient,
  signedInAtOrganization,
} from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { reindexAll } from '../../../platform/search/sources.ts';
import { todayInSeoul } from '../../../platform/time/seoul.ts';

const PROCESSES = '/api/v1/governance/processes';
const STAFF_PROCESSES = '/api/v1/governance/staff/processes';
const STAFF_PROPOSALS = '/api/v1/governance/staff/proposals';
const MODERATION = '/api/v1/governance/staff/moderation';
const REPORTS = '/api/v1/governance/reports';

type User = Awaited<ReturnType<typeof signedInAs>>;

const day = (n: number) => {
  const d = new Date(`${todayInSeoul()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const off = { proposals: false, debates: false, deliberation: false, polls: false };
const processBody = (over: Record<string, unknown> = {}) => ({
  title: '2027 주민참여예산 우선순위 정하기',
  description: '동네에 필요한 사업을 주민이 직접 제안하고 함께 고릅니다.',
  supportThreshold: 2,
  phases: [{ kind: 'deliberation', startsOn: day(-5), endsOn: day(20), ...off, proposals: true }],
  ...over,
});
const proposalBody = (over: Record<string, unknown> = {}) => ({
  title: '어린이공원 그늘막 설치',
  body: '여름 한낮에도 아이들이 놀 수 있도록 어린이공원 놀이터에 그늘막을 설치해 주십시오.',
  category: 'environment',
  place: '당산동',
  ...over,
});

// Processes and proposals in the site search: found like the other records (a part of a word, a
// typo), a proposal only while moderation shows it, never another district's.
describe.each(engines)('processes and proposals in the site search on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let author: User;
  let processId: string;
  const search = async (q: string, client: TestClient = new TestClient(t.app)) => {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { id: string; type: string; typeLabel: string; url: string; title: string }[];
  };
  const ids = async (q: string) => (await search(q)).map((i) => i.id);
  const propose = async (over: Record<string, unknown> = {}, as = author) => {
    const res = await as.client.post(`${PROCESSES}/${processId}/proposals`, proposalBody(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    author = await signedInAs(t, ['resident']);
    const made = await staff.client.post(STAFF_PROCESSES, processBody());
    expect(made.statusCode, made.body).toBe(201);
    processId = made.json().id;
  });
  afterAll(() => t?.close());

  it('finds a process by a part of a Korean word and by a typo, links to its page and follows an edit', async () => {
    const hit = (await search('주민참여')).find((i) => i.id === processId);
    expect(hit).toMatchObject({
      type: 'governance.process',
      typeLabel: '참여 과정',
      url: `/governance/processes/${processId}`,
      title: '2027 주민참여예산 우선순위 정하기',
    });
    expect(await ids('우선순위')).toContain(processId);
    expect(await ids('2027 주민참여예산 우선순윈 정하기')).toContain(processId);
    const edited = await staff.client.put(
      `${STAFF_PROCESSES}/${processId}`,
      processBody({ title: '2027 주민참여예산 사업 고르기' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await ids('우선순위')).not.toContain(processId);
    expect(await ids('사업 고르기')).toContain(processId);
  });

  it('finds a proposal by a part of a word, a typo and its category, linking to its page', async () => {
    const proposal = await propose();
    const hit = (await search('그늘막')).find((i) => i.id === proposal.id);
    expect(hit).toMatchObject({
      type: 'governance.proposal',
      typeLabel: '주민 제안',
      url: `/governance/proposals/${proposal.id}`,
      title: '어린이공원 그늘막 설치',
    });
    expect(await ids('공원')).toContain(proposal.id);
    expect(await ids('어린이공언 그늘막 설치')).toContain(proposal.id);
    expect(await ids('환경')).toContain(proposal.id);
    // Staff's answer keeps it found.
    const answered = await staff.client.put(`${STAFF_PROPOSALS}/${proposal.id}/answer`, {
      status: 'under_review',
      reason: '예산을 검토하고 있습니다.',
      cost: null,
      period: '',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await ids('그늘막')).toContain(proposal.id);
  });

  it('drops a proposal staff hide and brings it back when they restore it; a rebuild keeps it out while hidden', async () => {
    const proposal = await propose({
      title: '경로당 무더위 쉼터 운영',
      body: '여름철 경로당을 무더위 쉼터로 열어 주십시오.',
    });
    expect(await ids('무더위')).toContain(proposal.id);
    const hide = await staff.client.put(`${MODERATION}/proposal/${proposal.id}`, {
      decision: 'hide',
      reason: '개인정보가 들어 있습니다.',
    });
    expect(hide.statusCode, hide.body).toBe(200);
    expect(await ids('무더위')).not.toContain(proposal.id);
    expect(await ids('경로당 무더위 쉼터 운영')).not.toContain(proposal.id);
    await t.database.db.transaction((tx) => reindexAll(tx, t.org.id));
    expect(await ids('무더위')).not.toContain(proposal.id);
    const restore = await staff.client.put(`${MODERATION}/proposal/${proposal.id}`, {
      decision: 'restore',
      reason: '개인정보를 지웠습니다.',
    });
    expect(restore.statusCode, restore.body).toBe(200);
    expect(await ids('무더위')).toContain(proposal.id);
    await t.database.db.transaction((tx) => reindexAll(tx, t.org.id));
    expect(await ids('무더위')).toContain(proposal.id);
  });

  it('drops a proposal the reports hide until staff look at it', async () => {
    const proposal = await propose({
      title: '골목길 보안등 교체',
      body: '어두운 골목길 보안등을 밝은 것으로 바꿔 주십시오.',
    });
    expect(await ids('보안등')).toContain(proposal.id);
    for (let i = 0; i < 3; i++) {
      const reporter = await signedInAs(t, ['resident']);
      const res = await reporter.client.post(REPORTS, {
        targetType: 'proposal',
        targetId: proposal.id,
        reason: 'abuse',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await ids('보안등')).not.toContain(proposal.id);
  });

  it('never returns another organization’s processes or proposals', async () => {
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const otherResident = await signedInAtOrganization(t, other, ['resident']);
    const made = await otherStaff.client.post(
      STAFF_PROCESSES,
      processBody({ title: '하천 산책로 정비 계획' }),
    );
    expect(made.statusCode, made.body).toBe(201);
    const theirProcess = made.json().id as string;
    const posted = await otherResident.client.post(
      `${PROCESSES}/${theirProcess}/proposals`,
      proposalBody({ title: '하천 산책로 조명 교체' }),
    );
    expect(posted.statusCode, posted.body).toBe(201);
    const theirProposal = posted.json().id as string;
    for (const q of ['산책로', '하천 산책로 정비 계획', '하천 산책로 조명 교체']) {
      const found = await ids(q);
      expect(found).not.toContain(theirProcess);
      expect(found).not.toContain(theirProposal);
    }
    // …while their own site finds both.
    const theirs = (await search('산책로', new HostClient(t.app, other.host))).map((i) => i.id);
    expect(theirs).toEqual(expect.arrayContaining([theirProcess, theirProposal]));
  });
});
