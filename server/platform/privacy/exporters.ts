import { asc, eq, sql } from 'drizzle-orm';
import { memberships, sessions, users } from '../auth/tables.ts';
import { queryRows } from '../db/connect.ts';
import type { ModulePrivacy } from '../modules/define.ts';
import { organizations } from '../tenants/tables.ts';
import { consentRecords } from './tables.ts';

export const privacy = {
  exporters: {
    // The platform's own parts of "download my data". Secrets (password hash, TOTP secret, session
    // tokens) are held about the person but are not theirs to carry away, so they are left out.
    account: async (db, userId) => {
      const [u] = await db.select().from(users).where(eq(users.id, userId));
      if (!u) return null;
      return {
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        locale: u.locale,
        emailVerifiedAt: u.emailVerifiedAt,
        twoFactorEnabled: Boolean(u.totpEnabledAt),
        createdAt: u.createdAt,
        updatedAt: u.updatedAt,
      };
    },
    memberships: async (db, userId) =>
      db
        .select({
          organization: organizations.slug,
          organizationName: organizations.nameKo,
          role: memberships.role,
          grantedAt: memberships.grantedAt,
        })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.grantedAt)),
    consents: async (db, userId) =>
      db
        .select({
          purpose: consentRecords.purpose,
          granted: consentRecords.granted,
          required: consentRecords.required,
          noticeVersion: consentRecords.noticeVersion,
          recordedAt: consentRecords.recordedAt,
          ip: consentRecords.ip,
        })
        .from(consentRecords)
        .where(eq(consentRecords.userId, userId))
        .orderBy(asc(consentRecords.recordedAt)),
    sessions: async (db, userId) =>
      db
        .select({
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
          ip: sessions.ip,
          userAgent: sessions.userAgent,
        })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt)),
    auditEntriesMade: async (db, userId) =>
      queryRows(
        db,
        sql`select id, at, organization_id as "organizationId", action, target_type as "targetType", target_id as "targetId", data, ip
            from audit_log where actor_user_id = ${userId} order by id`,
      ),
    // The law lets a person see who viewed their personal data, when and why.
    personalDataAccessAboutMe: async (db, userId) =>
      queryRows(
        db,
        sql`select l.at, o.slug as organization, v.display_name as "viewedBy", l.fields, l.reason
            from personal_data_access_log l
            left join users v on v.id = l.actor_user_id
            left join organizations o on o.id = l.organization_id
            where l.subject_user_id = ${userId} order by l.at`,
      ),
  },
} satisfies ModulePrivacy;
