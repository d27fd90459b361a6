import { eq, sql } from 'drizzle-orm';
import type { YouthProfileBody } from '../../../../contracts/youth-eligibility.ts';
import { memberships } from '../../../platform/auth/tables.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { hasConsent } from '../../../platform/privacy/consents.ts';
import { YOUTH_PROFILE_PURPOSE } from './queries.ts';
import { type YouthProfileRow, youthProfiles } from './tables.ts';

/**
 * Saves (replaces) the person's profile and makes them a 'youth' member of the organization.
 * Requires the optional youth_profile consent. The advisory lock is the one the withdrawal
 * trigger takes (0080_youth_profiles.sql), so a withdrawal either sees this profile and deletes
 * it, or comes first and this save finds no consent.
 */
export async function saveProfile(ctx: SignedInCtx, input: YouthProfileBody): Promise<YouthProfileRow> {
  const { userId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(80080, hashtext(${userId}::text))`);
    if (!(await hasConsent(tx, userId, YOUTH_PROFILE_PURPOSE)))
      throw new AppError('youth_profile_consent_required', 409);
    const values = {
      birthDate: input.birthDate,
      regionCode: input.regionCode,
      employment: input.employment ?? null,
      education: input.education ?? null,
      major: input.major ?? null,
      specialGroups: input.specialGroups ? [...new Set(input.specialGroups)] : null,
      married: input.married ?? null,
      annualIncome: input.annualIncome ?? null,
      interests: [...new Set(input.interests ?? [])],
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(youthProfiles)
      .values({ organizationId: ctx.organizationId, userId, ...values })
      .onConflictDoUpdate({ target: [youthProfiles.organizationId, youthProfiles.userId], set: values })
      .returning();
    // A role the person takes on themselves by filling in the profile: not a staff change, no audit.
    await tx
      .insert(memberships)
      .values({ organizationId: ctx.organizationId, userId, role: 'youth' })
      .onConflictDoNothing();
    return row;
  });
}

export async function deleteProfile(ctx: SignedInCtx): Promise<void> {
  const { userId } = ctx.actor;
  await ctx.db
    .delete(youthProfiles)
    .where(forOrg(youthProfiles, ctx.organizationId, eq(youthProfiles.userId, userId)));
}
