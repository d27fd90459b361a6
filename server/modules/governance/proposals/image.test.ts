import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { mediaImages } from '../../../platform/media/tables.ts';
import { GPS_MARK, SVG_WITH_SCRIPT, testJpeg, testPng } from '../../../platform/media/test-images.ts';
import { todayInSeoul } from '../../../platform/time/seoul.ts';
import { governanceModerationItems } from '../moderation/tables.ts';
import { governanceProposalCoauthors } from './tables.ts';

const PROPOSALS = '/api/v1/governance/proposals';
const off = { proposals: false, debates: false, deliberation: false, polls: false };
const day = (n: number) => {
  const d = new Date(`${todayInSeoul()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const alt = (ko: string, en = '') =>
  `altKo=${encodeURIComponent(ko)}${en ? `&altEn=${encodeURIComponent(en)}` : ''}`;

type User = Awaited<ReturnType<typeof signedInAs>>;

describe.each(engines)('a proposal’s image on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let author: User;
  let coauthor: User;
  let neighbour: User;
  let processId: string;
  let proposalId: string;

  const upload = (client: TestClient, body: Buffer, type: string, query = alt('공원 입구의 낡은 벤치')) =>
    client.request({
      method: 'POST',
      url: `${PROPOSALS}/${proposalId}/image?${query}`,
      payload: body,
      headers: { 'content-type': type },
    });
  const imageRows = () => t.database.db.$count(mediaImages);

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await signedInAs(t, ['staff']);
    author = await signedInAs(t, ['resident']);
    coauthor = await signedInAs(t, ['resident']);
    neighbour = await signedInAs(t, ['resident']);
    const made = await staff.client.post('/api/v1/governance/staff/processes', {
      title: '사진 시험 과정',
      description: '시험용 과정입니다.',
      supportThreshold: 2,
      phases: [{ kind: 'agenda', startsOn: day(-5), endsOn: day(5), ...off, proposals: true }],
    });
    expect(made.statusCode).toBe(201);
    processId = made.json().id;
    const proposal = await author.client.post(`/api/v1/governance/processes/${processId}/proposals`, {
      title: '공원 벤치 교체',
      body: '어린이 공원 입구의 벤치가 낡아 앉기 어렵습니다. 새 벤치로 바꿔 주십시오.',
      category: 'environment',
      place: '어린이 공원',
    });
    expect(proposal.statusCode).toBe(201);
    proposalId = proposal.json().id;
    expect(proposal.json().image).toBeNull();
    await t.database.db
      .insert(governanceProposalCoauthors)
      .values({ organizationId: t.org.id, proposalId, userId: coauthor.user.id });
  });
  afterAll(() => t?.close());

  it('refuses anonymous (401) and residents who are not its authors (403), and keeps nothing', async () => {
    expect((await upload(new TestClient(t.app), testPng(), 'image/png')).statusCode).toBe(401);
    const res = await upload(neighbour.client, testPng(), 'image/png');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('governance_proposal_image_forbidden');
    expect((await staff.client.post(`${PROPOSALS}/${proposalId}/image?${alt('사진')}`, {})).statusCode).toBe(
      403,
    );
    expect((await neighbour.client.delete(`${PROPOSALS}/${proposalId}/image`)).statusCode).toBe(403);
    expect(await imageRows()).toBe(0);
  });

  it('lets the author attach an image with Korean alt text; the proposal and the list carry it; audited', async () => {
    const res = await upload(
      author.client,
      testPng(40, 30),
      'image/png',
      alt('공원 입구의 낡은 벤치', 'Old bench'),
    );
    expect(res.statusCode).toBe(201);
    const image = res.json();
    expect(image).toMatchObject({ width: 40, height: 30, alt: '공원 입구의 낡은 벤치' });
    const page = await new TestClient(t.app).get(`${PROPOSALS}/${proposalId}`);
    expect(page.json().image).toEqual(image);
    const list = await new TestClient(t.app).get(`/api/v1/governance/processes/${processId}/proposals`);
    expect(list.json().items.find((p: { id: string }) => p.id === proposalId).image).toEqual(image);
    const en = await new TestClient(t.app, 'en').get(`${PROPOSALS}/${proposalId}`);
    expect(en.json().image.alt).toBe('Old bench');
    expect((await new TestClient(t.app).get(`/api/v1/media/${image.id}`)).statusCode).toBe(200);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'governance.proposal.image_set'), eq(auditLog.targetId, proposalId)));
    expect(audit).toBeDefined();
    // The author's data download names the image with the proposal.
    const exported = JSON.stringify((await author.client.get('/api/v1/me/export')).json());
    expect(exported).toContain(`/api/v1/media/${image.id}`);
  });

  it('refuses an SVG (415) and a missing Korean alt text (400), keeping the current image', async () => {
    const before = (await author.client.get(`${PROPOSALS}/${proposalId}`)).json().image;
    const svg = await upload(author.client, SVG_WITH_SCRIPT, 'image/png');
    expect(svg.statusCode).toBe(415);
    expect((await upload(author.client, testPng(), 'image/png', 'altEn=x')).statusCode).toBe(400);
    expect((await author.client.get(`${PROPOSALS}/${proposalId}`)).json().image).toEqual(before);
    expect(await imageRows()).toBe(1);
  });

  it('lets a co-author replace it: the old image is deleted, JPEG metadata is gone', async () => {
    const before = (await author.client.get(`${PROPOSALS}/${proposalId}`)).json().image;
    const res = await upload(coauthor.client, testJpeg(64, 48), 'image/jpeg', alt('벤치 사진'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 64, height: 48, alt: '벤치 사진' });
    expect((await new TestClient(t.app).get(`/api/v1/media/${before.id}`)).statusCode).toBe(404);
    const [kept] = await t.database.db.select().from(mediaImages).where(eq(mediaImages.id, res.json().id));
    expect(kept.bytes.toString('latin1')).not.toContain(GPS_MARK);
    expect(await imageRows()).toBe(1);
  });

  it('answers 404 at another organization’s host, for its staff and residents alike', async () => {
    const other = await createOtherOrganization(t);
    for (const roles of [['staff'], ['resident']]) {
      const there = await signedInAtOrganization(t, other, roles);
      const url = `${PROPOSALS}/${proposalId}/image`;
      const put = await there.client.request({
        method: 'POST',
        url: `${url}?${alt('사진')}`,
        payload: testPng(),
        headers: { 'content-type': 'image/png' },
      });
      expect(put.statusCode).toBe(404);
      expect((await there.client.delete(url)).statusCode).toBe(404);
    }
    expect(await imageRows()).toBe(1);
  });

  it('leaves the image out of the list while the proposal is hidden', async () => {
    await t.database.db.insert(governanceModerationItems).values({
      organizationId: t.org.id,
      targetType: 'proposal',
      targetId: proposalId,
      proposalId,
      authorId: author.user.id,
      state: 'hidden',
    });
    const list = await new TestClient(t.app).get(`/api/v1/governance/processes/${processId}/proposals`);
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(proposalId);
    expect(JSON.stringify(list.json())).not.toContain('/media/');
    expect((await neighbour.client.get(`${PROPOSALS}/${proposalId}`)).statusCode).toBe(404);
    await t.database.db
      .delete(governanceModerationItems)
      .where(eq(governanceModerationItems.targetId, proposalId));
  });

  it('lets staff remove it (moderation, audited); the author removes one too; none left answers 404', async () => {
    const res = await staff.client.delete(`${PROPOSALS}/${proposalId}/image`);
    expect(res.statusCode).toBe(200);
    expect((await author.client.get(`${PROPOSALS}/${proposalId}`)).json().image).toBeNull();
    expect(await imageRows()).toBe(0);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'governance.proposal.image_remove'), eq(auditLog.targetId, proposalId)));
    expect(audit.actorUserId).toBe(staff.user.id);
    expect((await staff.client.delete(`${PROPOSALS}/${proposalId}/image`)).statusCode).toBe(404);
    expect((await upload(author.client, testPng(), 'image/png')).statusCode).toBe(201);
    expect((await author.client.delete(`${PROPOSALS}/${proposalId}/image`)).statusCode).toBe(200);
    expect(await imageRows()).toBe(0);
  });
});
