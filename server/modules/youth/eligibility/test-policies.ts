import { youthPolicyRecords } from '../../../../tests/fixtures/youth-policies.ts';
import type { TestApp } from '../../../../tests/helpers/app.ts';
import { importPolicies } from '../policies/national-import/index.ts';

// A few real policies from the national snapshot (the extract in tests/fixtures), imported through
// the catalogue's own import, for the eligibility and profile tests.
type Rec = Record<string, string>;
let records: Rec[] | null = null;

export function realPolicy(plcyNo: string, changes: Rec = {}): Rec {
  records ??= youthPolicyRecords();
  const found = records.find((r) => r.plcyNo === plcyNo);
  if (!found) throw new Error(`no policy ${plcyNo} in tests/fixtures/youth-policies.json`);
  return { ...found, ...changes };
}

/** 미래 청년 일자리 사업: unemployed, 19–39, applications 2025-03-01 ~ 2025-07-31; made Yeongdeungpo-only. */
export const YEONGDEUNGPO_ONLY = '20250315005400210618';
/** 서울시 일자리카페 운영: every Seoul district, 19–39, no other condition. */
export const SEOUL_WIDE = '20250315005400210614';
/** 미취업 청년 어학 및 자격증 응시료 지원(성북구): Seongbuk-gu only, always open. */
export const SEONGBUK_ONLY = '20240418005400200013';
/** 성연 청소년문화의집 운영: ages 9–24. */
export const TEENS = '20250103005400210028';

export async function importReal(t: TestApp, recs: Rec[]) {
  const result = await importPolicies(
    t.database.db,
    { actor: { userId: null }, organizationId: t.org.id },
    recs,
    'ko',
  );
  if (result.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(result.rejected)}`);
  return result;
}
