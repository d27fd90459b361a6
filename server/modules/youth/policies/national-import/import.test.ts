import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INVERTED,
  YOUTH_POLICIES_FILE,
  youthPolicyFile,
} from '../../../../../tests/fixtures/youth-policies.ts';
import { createTestApp, type TestApp } from '../../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../../tests/helpers/client.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../../tests/helpers/users.ts';
import { queryRows } from '../../../../platform/db/connect.ts';
import { youthCommands } from '../../cli.ts';
import { parseGetPlcyRecord } from './getplcy.ts';
import { importPolicies } from './import.ts';

const envelope = youthPolicyFile();
const records = envelope.result.youthPolicyList;
/** Every record of the fixture goes in but the one that cannot be read. */
const READABLE = records.length - 1;

describe.each(engines)('youth policy import on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.raw(table === 'youth_policy_rounds' ? 'true' : 'organization_id is not null')}`,
      )
    )[0].n;
  const byPlcyNo = async (plcyNo: string) => {
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from youth_policies where external_id = ${plcyNo}`,
    );
    const res = await staff.get(`/api/v1/youth/policies/${row.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = (await signedInAs(t, ['staff'], { lang: 'en' })).client;
  });
  afterAll(() => t?.close());

  it('imports the real records over the staff route: all in but 1 refused with its reason', async () => {
    const started = performance.now();
    const res = await staff.post('/api/v1/youth/policies/import', envelope);
    const ms = Math.round(performance.now() - started);
    console.log(JSON.stringify({ engine, records: records.length, importMs: ms }));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(READABLE);
    expect(body.updated).toBe(0);
    expect(body.rejected).toEqual([
      {
        index: records.findIndex((r) => r.plcyNo === INVERTED),
        externalId: INVERTED,
        reason: expect.stringContaining('ends before it starts'),
      },
    ]);
    expect(body.imported + body.rejected.length).toBe(records.length);
    expect(await count('youth_policies')).toBe(READABLE);
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from search_documents where record_type = 'youth.policy' and is_public`,
    );
    expect(n).toBe(READABLE);
  });

  it('a second import updates every record, adds none, and keeps the row counts', async () => {
    const rounds = await count('youth_policy_rounds');
    const res = await staff.post('/api/v1/youth/policies/import', records); // a bare array works too
    expect(res.json()).toMatchObject({ imported: 0, updated: READABLE });
    expect(res.json().rejected).toHaveLength(1);
    expect(await count('youth_policies')).toBe(READABLE);
    expect(await count('youth_policy_rounds')).toBe(rounds);
  });

  it('keeps the fields of spot-checked records: rounds, decoded URLs, ages, regions', async () => {
    const twoRounds = await byPlcyNo('20250316005400210639');
    expect(twoRounds.rounds).toEqual([
      { startsOn: '2026-09-07', endsOn: '2026-09-28' },
      { startsOn: '2026-10-26', endsOn: '2026-11-16' },
    ]);
    expect(twoRounds.applyPeriodKind).toBe('dates');
    expect(twoRounds.workflowStatus).toBe('published');
    const yongin = await byPlcyNo('20250113005400210184');
    expect(yongin.referenceUrls[0]).toBe(
      'https://www.yongin.go.kr/user/bbs/BD_selectBbs.do?q_bbsCode=1001&q_clCode=1&q_bbscttSn=20250106162710905',
    );
    const gwangju = await byPlcyNo('20250110005400210146');
    expect(gwangju.title).toBe('청년센터 서구1939');
    expect(gwangju.eligibility).toMatchObject({ minAge: 19, maxAge: 39, regionCodes: ['28290'] });
    expect(gwangju.eligibility.age).toEqual({ ko: '만 19~39세', en: 'Aged 19 to 39' });
    expect(gwangju.applyPeriodKind).toBe('closed');
    expect(gwangju.status).toBe('closed');
    expect(gwangju.businessPeriod).toEqual({ start: null, end: null, other: '상시' }); // 8-space dates
    const noZip = records.find((r) => r.zipCd === undefined)!;
    expect((await byPlcyNo(noZip.plcyNo)).eligibility.regionCodes).toEqual([]);
  });

  it('exports the same format back; every exported record reads as it was imported', async () => {
    const res = await staff.get('/api/v1/youth/policies/export');
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.result.pagging.totCount).toBe(READABLE);
    const exported = new Map<string, Record<string, string>>(
      out.result.youthPolicyList.map((r: Record<string, string>) => [r.plcyNo, r]),
    );
    for (const rec of records) {
      if (rec.plcyNo === INVERTED) continue;
      const again = parseGetPlcyRecord(exported.get(rec.plcyNo));
      const first = parseGetPlcyRecord(rec);
      expect(again.ok && again.policy, rec.plcyNo).toEqual(first.ok && first.policy);
    }
  });

  it('rolls a failing batch back whole and still imports the other batches', async () => {
    const fresh = records.slice(0, 4).map((r, i) => ({ ...r, plcyNo: `TEST${i}` }));
    // The reader lets a NUL character through; PostgreSQL text refuses it, failing that batch.
    const broken = { ...records[4], plcyNo: 'TESTNUL', plcyNm: 'x\u0000y' };
    const result = await importPolicies(
      t.database.db,
      { actor: { userId: null }, organizationId: t.org.id },
      [...fresh.slice(0, 2), fresh[2], broken, fresh[3]],
      'ko',
      2,
    );
    // Batches: [0,1] in; [2, broken] fails as a whole; [3] in.
    expect(result.imported).toBe(3);
    expect(result.rejected.map((r) => r.index)).toEqual([2, 3]);
    expect(result.rejected[0].reason).toContain('되돌렸습니다');
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from youth_policies where external_id like 'TEST%'`,
    );
    expect(n).toBe(3);
  });

  it('refuses a policy number repeated in one file, naming the earlier record as people count', async () => {
    const twin = { ...records[0], plcyNo: 'TESTTWIN' };
    const result = await importPolicies(
      t.database.db,
      { actor: { userId: null }, organizationId: t.org.id },
      [twin, { ...twin, plcyNm: '다른 제목' }],
      'ko',
    );
    expect(result.rejected).toEqual([
      { index: 1, externalId: 'TESTTWIN', reason: '같은 정책번호가 파일의 1번째 항목에 이미 있습니다.' },
    ]);
  });

  it('the CLI prints the summary and the refused records, and fails only when nothing could be read', async () => {
    const lines: string[] = [];
    const run = (file: string) =>
      youthCommands[0].run({ config: t.config, database: t.database, out: (l) => lines.push(l) }, {}, [file]);
    await run(YOUTH_POLICIES_FILE);
    expect(lines[0]).toBe(`imported 0, updated ${READABLE}, rejected 1`);
    expect(lines[1]).toContain(INVERTED);
    expect(lines.join('\n')).not.toMatch(/담당자|\d{2,3}-\d{3,4}-\d{4}/);
    await expect(run(path.resolve(process.cwd(), 'package.json'))).rejects.toThrow(/youthPolicyList/);
  });

  it('staff only: 401 anonymous, 403 for a youth, 400 for a body that is not a policy list', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.post('/api/v1/youth/policies/import', [])).statusCode).toBe(401);
    expect((await anon.get('/api/v1/youth/policies/export')).statusCode).toBe(401);
    const youth = (await signedInAs(t, ['youth'])).client;
    expect((await youth.post('/api/v1/youth/policies/import', [])).statusCode).toBe(403);
    expect((await youth.get('/api/v1/youth/policies/export')).statusCode).toBe(403);
    const bad = await staff.post('/api/v1/youth/policies/import', { result: { nothing: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.length).toBeGreaterThan(0);
    const refused = await staff.post('/api/v1/youth/policies/import', [{ plcyNo: '1' }, 'x']);
    expect(refused.statusCode).toBe(200);
    expect(refused.json().rejected.map((r: { index: number }) => r.index)).toEqual([0, 1]);
  });
});
