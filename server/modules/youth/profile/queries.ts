import { eq } from 'drizzle-orm';
import type { YouthProfile } from '../../../../contracts/youth-eligibility.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { hasConsent } from '../../../platform/privacy/consents.ts';
import type { EligibilityProfile } from '../eligibility/index.ts';
import { type YouthProfileRow, youthProfiles } from './tables.ts';

export const YOUTH_PROFILE_PURPOSE = 'youth_profile';

/**
 * The person's profile in the organization, only while the consent holds. (Withdrawal deletes the
 * row through a trigger; checking here as well means a profile is never used without consent.)
 */
export async function findUsableProfile(
  db: DbOrTx,
  organizationId: string,
  userId: string,
): Promise<{ row: YouthProfileRow | null; consent: boolean }> {
  const consent = await hasConsent(db, userId, YOUTH_PROFILE_PURPOSE);
  if (!consent) return { row: null, consent };
  const [row] = await db
    .select()
    .from(youthProfiles)
    .where(forOrg(youthProfiles, organizationId, eq(youthProfiles.userId, userId)));
  return { row: row ?? null, consent };
}

export function presentProfile(r: YouthProfileRow): YouthProfile {
  return {
    birthDate: r.birthDate,
    regionCode: r.regionCode,
    employment: r.employment,
    education: r.education,
    major: r.major,
    specialGroups: r.specialGroups,
    married: r.married,
    annualIncome: r.annualIncome,
    interests: r.interests,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The stored facts as the rules read them: null columns are facts not given. */
export function eligibilityProfileOf(r: YouthProfileRow): EligibilityProfile {
  const p: EligibilityProfile = { birthDate: r.birthDate, regionCode: r.regionCode };
  if (r.employment !== null) p.employment = r.employment;
  if (r.education !== null) p.education = r.education;
  if (r.major !== null) p.major = r.major;
  if (r.specialGroups !== null) p.specialGroups = r.specialGroups;
  if (r.married !== null) p.married = r.married;
  if (r.annualIncome !== null) p.annualIncome = r.annualIncome;
  return p;
}
