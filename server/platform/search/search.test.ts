import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization, HostClient } from '../../../tests/helpers/tenants.ts';
import { indexRecord, removeRecord } from './index.ts';
import { registerSearch } from './sources.ts';

// A second record type, as a later module would declare it (a name no real module uses).
registerSearch({ labels: { 'sample.proposal': { ko: '주민 제안', en: 'Resident proposal' } } });

describe.each(engines)('search on %s', (engine) => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof createOtherOrganization>>;
  const client = () => new TestClient(t.app);
  const ids = async (q: string, extra = '') => {
    const res = await client().get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((i: { id: string }) => i.id);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    other = await createOtherOrganization(t);
    const db = t.database.db;
    const org = t.org.id;
    await indexRecord(db, {
      organizationId: org,
      recordType: 'youth.policy',
      recordId: 'startup',
      title: '청년 창업 지원',
      body: '영등포구에 사는 만 19~39세 청년의 창업을 돕는 사업입니다. 사무 공간과 교육, 멘토링을 지원합니다.',
      url: '/youth/policies/startup',
      isPublic: true,
    });
    await indexRecord(db, {
      organizationId: org,
      recordType: 'youth.policy',
      recordId: 'housing',
      title: '청년 주거 지원',
      body: '월세 지원',
      url: '/youth/policies/housing',
      isPublic: true,
    });
    await indexRecord(db, {
      organizationId: org,
      recordType: 'sample.proposal',
      recordId: 'market',
      title: '사회적경제 장터 열기',
      body: '창업 기업 판로',
      url: '/governance/proposals/market',
      isPublic: true,
    });
    await indexRecord(db, {
      organizationId: org,
      recordType: 'youth.policy',
      recordId: 'draft',
      title: '창업 준비 중인 초안',
      body: '비공개',
      url: '/x',
      isPublic: false,
    });
    await indexRecord(db, {
      organizationId: other.id,
      recordType: 'youth.policy',
      recordId: 'elsewhere',
      title: '다른 구 청년 창업 지원',
      body: '',
      url: '/y',
      isPublic: true,
    });
  });
  afterAll(() => t?.close());

  it("'창업' finds '청년 창업 지원', the title match ranked above a body match", async () => {
    const found = await ids('창업');
    expect(found[0]).toBe('startup');
    expect(found).toContain('market');
  });

  it('finds words inside longer words and with spaces left out', async () => {
    expect(await ids('사회적경제')).toEqual(['market']);
    expect(await ids('경제')).toEqual(['market']);
    expect(await ids('청년창업')).toEqual(['startup']);
  });

  it("'ㅊㅇ' and other initial-consonant queries match the titles' initials", async () => {
    expect(await ids('ㅊㅇ')).toContain('startup');
    expect(await ids('ㅊㄴ ㅈㄱ')).toEqual(['housing']);
    expect(await ids('ㅅㅎㅈㄱㅈ')).toEqual(['market']);
  });

  it('falls back to similar titles when nothing matches (typos)', async () => {
    expect(await ids('청년 창엽 지원')).toContain('startup');
    expect(await ids('청년 주거 지언')).toContain('housing');
  });

  it('returns the snippet, type and url, and filters by type', async () => {
    const res = await client().get(`/api/v1/search?q=${encodeURIComponent('멘토링')}`);
    expect(res.json().items).toEqual([
      {
        type: 'youth.policy',
        typeLabel: '청년 정책',
        id: 'startup',
        title: '청년 창업 지원',
        snippet: expect.stringContaining('멘토링'),
        url: '/youth/policies/startup',
      },
    ]);
    const english = await new TestClient(t.app, 'en').get(`/api/v1/search?q=${encodeURIComponent('장터')}`);
    expect(english.json().items.map((i: { typeLabel: string }) => i.typeLabel)).toEqual([
      'Resident proposal',
    ]);
    expect(await ids('창업', '&type=sample.proposal')).toEqual(['market']);
  });

  it('refuses to index a record type no module named', async () => {
    await expect(
      indexRecord(t.database.db, {
        organizationId: t.org.id,
        recordType: 'nobody.thing',
        recordId: 'x',
        title: '이름 없는 종류',
        url: '/x',
        isPublic: true,
      }),
    ).rejects.toThrow(/nobody\.thing/);
  });

  it('never returns private records or another organization’s documents', async () => {
    for (const q of ['창업', 'ㅊㅇ', '초안', '다른 구', '청년 창업 지원']) {
      const found = await ids(q);
      expect(found, q).not.toContain('draft');
      expect(found, q).not.toContain('elsewhere');
    }
    const there = await new HostClient(t.app, other.host).get(
      `/api/v1/search?q=${encodeURIComponent('창업')}`,
    );
    expect(there.json().items.map((i: { id: string }) => i.id)).toEqual(['elsewhere']);
  });

  it('updates and removes records', async () => {
    await indexRecord(t.database.db, {
      organizationId: t.org.id,
      recordType: 'youth.policy',
      recordId: 'housing',
      title: '청년 월세 지원',
      url: '/youth/policies/housing',
      isPublic: true,
    });
    expect(await ids('월세')).toEqual(['housing']);
    expect(await ids('주거')).toEqual([]);
    await removeRecord(t.database.db, {
      organizationId: t.org.id,
      recordType: 'youth.policy',
      recordId: 'housing',
    });
    expect(await ids('월세')).toEqual([]);
  });

  it('400 without a query or with a bad limit; punctuation alone finds nothing', async () => {
    const none = await client().get('/api/v1/search');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].field).toBe('querystring.q');
    expect((await client().get('/api/v1/search?q=a&limit=0')).statusCode).toBe(400);
    expect(await ids("'); drop table search_documents; --")).toEqual([]);
    expect(await ids('창업')).toContain('startup');
  });
});
