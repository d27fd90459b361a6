import { describe, expect, it } from 'vitest';
import { INVERTED, youthPolicyRecords } from '../../../../../tests/fixtures/youth-policies.ts';
import { cleanUrl, decodeEntities, parseGetPlcyRecord, parseRounds, toGetPlcyRecord } from './getplcy.ts';

const records = youthPolicyRecords();

const base: Record<string, string> = {
  plcyNo: '20990101005400000001',
  plcyNm: '  청년 월세 지원  ',
  plcyExplnCn: '월세를 지원합니다.\n',
  plcySprtCn: '',
  plcyKywdNm: '주거, 월세,주거',
  lclsfNm: '주거,주거',
  mclsfNm: '전월세 및 주거급여 지원',
  aplyPrdSeCd: '0057001',
  aplyYmd: '20260907 ~ 20260928\\N20261026 ~ 20261116',
  bizPrdSeCd: '0056002',
  bizPrdBgngYmd: '        ',
  bizPrdEndYmd: '        ',
  sprtTrgtMinAge: '0',
  sprtTrgtMaxAge: '34',
  jobCd: '0013003,0013006',
  schoolCd: '0049010',
  plcyMajorCd: '0011009',
  sbizCd: '0014010',
  mrgSttsCd: '0055003',
  earnCndSeCd: '0043002',
  earnMinAmt: '0',
  earnMaxAmt: '5000',
  aplyUrlAddr: 'https://example.go.kr/view.do?a=1&amp;b=2',
  refUrlAddr1: 'www.example.or.kr',
  refUrlAddr2: 'javascript:alert(1)',
  operInstCdNm: '영등포구',
  frstRegDt: '2026-07-08 09:30:35',
  lastMdfcnDt: '2026-07-08 15:45:33',
};
const parse = (over: Record<string, unknown> = {}) => parseGetPlcyRecord({ ...base, ...over });

describe('getPlcy record parsing', () => {
  it('reads the quirks: padding, "0" ages, 8-space dates, \\N rounds, comma lists, entities', () => {
    const r = parse();
    if (!r.ok) throw new Error('expected ok');
    const p = r.policy;
    expect(p.title).toBe('청년 월세 지원');
    expect(p.summary).toBe('월세를 지원합니다.');
    expect(p.keywords).toEqual(['주거', '월세']);
    expect(p.fields).toEqual(['housing']);
    expect(p.minAge).toBe(0);
    expect(p.maxAge).toBe(34);
    expect(p.businessStartsOn).toBeNull();
    expect(p.businessEndsOn).toBeNull();
    expect(p.rounds).toEqual([
      { startsOn: '2026-09-07', endsOn: '2026-09-28' },
      { startsOn: '2026-10-26', endsOn: '2026-11-16' },
    ]);
    expect(p.employmentCodes).toEqual(['0013003', '0013006']);
    expect(p.incomeCondition).toBe('0043002');
    expect(p.incomeMax).toBe(5000);
    expect(p.applicationUrl).toBe('https://example.go.kr/view.do?a=1&b=2');
    expect(p.referenceUrls).toEqual(['https://www.example.or.kr']);
    expect(p.regionCodes).toEqual([]); // zipCd missing: no regional restriction
    expect(p.registeredAt).toBe('2026-07-08T09:30:35+09:00');
  });

  it('turns U+1B3C back into a middle dot and decodes entities in texts', () => {
    const r = parse({ plcyNm: '청년\u1b3c신혼부부 &lt;주거&gt; 지원', zipCd: ' 11560 , 11590 ' });
    expect(r.ok && r.policy.title).toBe('청년·신혼부부 <주거> 지원');
    expect(r.ok && r.policy.regionCodes).toEqual(['11560', '11590']);
    expect(decodeEntities('a&middot;b &#54620; &#xD55C; &unknown; &amp;bull;')).toBe('a·b 한 한 &unknown; •');
    expect(cleanUrl('data:text/html,x')).toBe('');
    expect(parseRounds('   ')).toEqual([]);
  });

  it('reports why a record cannot be read', () => {
    const reason = (over: Record<string, unknown>) => {
      const r = parse(over);
      return r.ok ? null : r.problem.code;
    };
    expect(reason({ aplyYmd: '20260601 ~ 20250710' })).toBe('round_inverted');
    expect(reason({ aplyYmd: '2026-06-01 ~ 2026-07-10' })).toBe('bad_round');
    expect(reason({ aplyYmd: '20260231 ~ 20260301' })).toBe('bad_date');
    expect(reason({ plcyNo: '  ' })).toBe('missing_id');
    expect(reason({ plcyNm: '   ' })).toBe('missing_title');
    expect(reason({ sprtTrgtMinAge: '열아홉' })).toBe('bad_number');
    expect(reason({ sprtTrgtMinAge: '40', sprtTrgtMaxAge: '30' })).toBe('ages_inverted');
    expect(reason({ jobCd: '0013003,abc' })).toBe('bad_code');
    expect(reason({ zipCd: '1156' })).toBe('bad_code');
    expect(reason({ aplyPrdSeCd: '0057009' })).toBe('bad_code');
    expect(reason({ plcySprtCn: { nested: true } })).toBe('not_text');
    expect(parseGetPlcyRecord('text')).toMatchObject({ ok: false, problem: { code: 'not_an_object' } });
    const bad = parse({ sprtTrgtMinAge: 'x' });
    expect(bad.ok === false && bad.externalId).toBe(base.plcyNo);
  });

  it('reads every real record but one; the one it refuses has a round that ends before it starts', () => {
    const outcomes = records.map((r) => parseGetPlcyRecord(r));
    const refused = outcomes.flatMap((o, i) => (o.ok ? [] : [{ i, o }]));
    expect(outcomes.length).toBeGreaterThan(40); // the fixture's few dozen, not a stub
    expect(refused.map(({ o }) => !o.ok && o.problem.code)).toEqual(['round_inverted']);
    expect(refused[0].o.ok === false && refused[0].o.externalId).toBe(INVERTED);
  });

  it('writes every real record back so that it reads the same (a round trip keeps its fields)', () => {
    for (const rec of records) {
      const first = parseGetPlcyRecord(rec);
      if (!first.ok) continue;
      const written = toGetPlcyRecord(first.policy, first.raw);
      const again = parseGetPlcyRecord(written);
      expect(again.ok && again.policy, rec.plcyNo).toEqual(first.policy);
      // Fields we do not keep as columns come back as they were.
      expect(written.bscPlanCycl).toBe(rec.bscPlanCycl);
      expect(written.rgtrInstCdNm).toBe(rec.rgtrInstCdNm);
    }
  });
});
