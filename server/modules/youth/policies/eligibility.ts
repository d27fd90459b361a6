import { sql } from 'drizzle-orm';
import type { ApplyStatus } from '../../../../contracts/youth-policies.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import type { PolicyEligibility } from '../eligibility/types.ts';
import { applyStatus, todayInSeoul } from './status.ts';

export interface PolicyForEligibility {
  id: string;
  externalId: string | null;
  title: string;
  status: ApplyStatus;
  deadline: string | null;
  eligibility: PolicyEligibility;
}

interface Row {
  id: string;
  external_id: string | null;
  title: string;
  apply_status: ApplyStatus;
  deadline: string | null;
  min_age: number;
  max_age: number;
  region_codes: string[];
  employment_codes: string[];
  education_codes: string[];
  major_codes: string[];
  special_group_codes: string[];
  marital_codes: string[];
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
  const rows = await queryRows<Row>(
    db,
    sql`select p.id, p.external_id, p.title, ${status.columns},
          p.min_age, p.max_age, p.region_codes, p.employment_codes, p.education_codes, p.major_codes,
          p.special_group_codes, p.marital_codes, p.income_condition, p.income_min, p.income_max, p.income_other
        from youth_policies p ${status.join}
        where p.organization_id = ${organizationId} and p.status = 'published'
        order by p.registered_at desc, p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    title: r.title,
    status: r.apply_status,
    deadline: r.deadline,
    eligibility: {
      minAge: r.min_age,
      maxAge: r.max_age,
      regionCodes: r.region_codes,
      employmentCodes: r.employment_codes,
      educationCodes: r.education_codes,
      majorCodes: r.major_codes,
      specialGroupCodes: r.special_group_codes,
      maritalCodes: r.marital_codes,
      incomeConditionCode: r.income_condition,
      incomeMin: r.income_min,
      incomeMax: r.income_max,
      incomeOther: r.income_other,
    },
  }));
}
