import { sql } from 'drizzle-orm';
import {
  type ApplyStatus,
  POLICY_FIELDS,
  type PolicyField,
} from '../../../../../contracts/youth-policies.ts';
import { type DbOrTx, queryRows } from '../../../../platform/db/connect.ts';
import { todayInSeoul } from '../../../../platform/time/index.ts';
import type { PolicyEligibility } from '../../eligibility/index.ts';
import { applyStatus } from '../status.ts';
import type { Catalogue } from './copy.ts';
import { catalogueOf, forgetCatalogue } from './copy-cache.ts';
import { dayView } from './views.ts';

export interface PolicyForEligibility {
  id: string;
  externalId: string | null;
  title: string;
  status: ApplyStatus;
  deadline: string | null;
  /** The policy's fields (the self-check filters and counts by them). */
  fields: PolicyField[];
  /** registered_at in microseconds: with the id, the list's (newest-first) order and a page's cursor. */
  registered: number;
  eligibility: PolicyEligibility;
}

const CODE_LISTS = [
  'fields',
  'region_codes',
  'employment_codes',
  'education_codes',
  'major_codes',
  'special_group_codes',
  'marital_codes',
] as const;
const SEP = String.fromCharCode(31);
const isField = (f: string): f is PolicyField => Object.hasOwn(POLICY_FIELDS, f);
const fieldsOf = (list: readonly string[]): PolicyField[] => list.filter(isField);
const listOf = (joined: string): string[] => (joined === '' ? [] : joined.split(SEP));

interface Row {
  id: string;
  external_id: string | null;
  title: string;
  apply_status: ApplyStatus;
  deadline: string | null;
  registered: number;
  fields: string;
  min_age: number;
  max_age: number;
  region_codes: string;
  employment_codes: string;
  education_codes: string;
  major_codes: string;
  special_group_codes: string;
  marital_codes: string;
  income_condition: string | null;
  income_min: number;
  income_max: number;
  income_other: string | null;
}

/** Every published policy of the organization with its eligibility and its status on `on` (default today in Korea). */
export async function listPoliciesForEligibility(
  db: DbOrTx,
  organizationId: string,
  on: string = todayInSeoul(),
): Promise<PolicyForEligibility[]> {
  const status = applyStatus(on);
  // Code lists come as one string each, split here: parsing ~45 region codes per policy as
  // PostgreSQL arrays took most of the time of this query at 20,000 policies.
  const codeLists = sql.raw(CODE_LISTS.map((c) => `array_to_string(p.${c}, chr(31)) as ${c}`).join(', '));
  const rows = await queryRows<Row>(
    db,
    sql`select p.id, p.external_id, p.title, ${status.columns},
          (extract(epoch from p.registered_at) * 1000000)::int8 as registered,
          p.min_age, p.max_age, ${codeLists}, p.income_condition, p.income_min, p.income_max, p.income_other
        from youth_policies p
        where p.organization_id = ${organizationId} and p.status = 'published'
        order by p.registered_at desc, p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    title: r.title,
    status: r.apply_status,
    deadline: r.deadline,
    fields: fieldsOf(listOf(r.fields)),
    registered: Number(r.registered),
    eligibility: {
      minAge: r.min_age,
      maxAge: r.max_age,
      regionCodes: listOf(r.region_codes),
      employmentCodes: listOf(r.employment_codes),
      educationCodes: listOf(r.education_codes),
      majorCodes: listOf(r.major_codes),
      specialGroupCodes: listOf(r.special_group_codes),
      maritalCodes: listOf(r.marital_codes),
      incomeConditionCode: r.income_condition,
      incomeMin: r.income_min,
      incomeMax: r.income_max,
      incomeOther: r.income_other,
    },
  }));
}

// The self-check and "policies for me" read the whole published list on every request: they take
// it from this process's copy of the catalogue (copy-cache.ts), one array per catalogue and day, so
// that the self-check's per-list preparation (check.ts) is done once per copy.
const byDay = new WeakMap<Catalogue, Map<string, PolicyForEligibility[]>>();

/** The published list as listPoliciesForEligibility gives it, from the in-process catalogue. */
export async function cachedPoliciesForEligibility(
  db: DbOrTx,
  organizationId: string,
  on: string = todayInSeoul(),
): Promise<PolicyForEligibility[]> {
  const cat = await catalogueOf(db, organizationId);
  let days = byDay.get(cat);
  if (!days) {
    days = new Map();
    byDay.set(cat, days);
  }
  let list = days.get(on);
  if (!list) {
    const view = dayView(cat, on);
    list = cat.entries.map((e, i) => ({
      id: e.id,
      externalId: e.externalId,
      title: e.title,
      status: view.status[i],
      deadline: view.deadline[i],
      fields: fieldsOf(e.fields),
      registered: e.registered,
      eligibility: e.eligibility,
    }));
    if (days.size >= 4) days.clear();
    days.set(on, list);
  }
  return list;
}

/** After a policy change commits in this process: the catalogue (and so these lists) is checked first. */
export function forgetPoliciesForEligibility(organizationId: string): void {
  forgetCatalogue(organizationId);
}
