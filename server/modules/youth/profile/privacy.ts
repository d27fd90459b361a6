import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import { organizations } from '../../../platform/tenants/tables.ts';
import { youthProfiles } from './tables.ts';

export const privacy = {
  exporters: {
    // The youth profile is the person's own: carried away in "download my data", erased with the account.
    youthProfile: async (db, userId) =>
      db
        .select({
          organization: organizations.slug,
          birthDate: youthProfiles.birthDate,
          regionCode: youthProfiles.regionCode,
          employment: youthProfiles.employment,
          education: youthProfiles.education,
          major: youthProfiles.major,
          specialGroups: youthProfiles.specialGroups,
          married: youthProfiles.married,
          annualIncome: youthProfiles.annualIncome,
          interests: youthProfiles.interests,
          updatedAt: youthProfiles.updatedAt,
        })
        .from(youthProfiles)
        .innerJoin(organizations, eq(organizations.id, youthProfiles.organizationId))
        .where(eq(youthProfiles.userId, userId))
        .orderBy(asc(organizations.slug)),
  },
  erasers: {
    youthProfile: async (tx, userId) => {
      await tx.delete(youthProfiles).where(eq(youthProfiles.userId, userId));
    },
  },
} satisfies ModulePrivacy;
