import { z } from 'zod';
import { RoleName } from './auth.ts';
import { queryInt, Uuid } from './common.ts';
import { CursorParam } from './paging.ts';
import { text } from './text.ts';

// Administration: audit log, users and roles, personal-data access log, organization settings.
const Limit = queryInt(1, 100).default(50);
const PersonRef = z.object({ id: z.string(), displayName: z.string() });

export const AuditQuery = z.object({
  cursor: CursorParam.optional(),
  action: text({ min: 1, max: 100 }).optional(),
  limit: Limit,
});
export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actor: PersonRef.nullable(),
  /** Who acted, for the reader: the name (romanized with the Hangul beside it in English) and role, 삭제된 계정, or 시스템. */
  actorLabel: z.string(),
  action: z.string(),
  /** The action in the reader's language. */
  actionLabel: z.string(),
  /** The role granted or removed, or the state moved to, in words; null when there is none. */
  detail: z.string().nullable(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /** What was acted on, in words: a member's name, the organization, a record's title. */
  targetLabel: z.string(),
  /** Where the record acted on is shown, when the site knows it. */
  targetUrl: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
/** The actions the audit log can hold, for filtering by name. */
export const AuditActions = z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) });
export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() });

/**
 * Searching people (admins only): a name matches in part, an email address only whole (any case).
 * Each search needs a reason, recorded in the personal-data access log; listing without q needs none.
 */
export const UsersQuery = z.object({
  q: text({ min: 1, max: 100 }).optional(),
  reason: text({ min: 2, max: 200 }).optional(),
  cursor: CursorParam.optional(),
  limit: Limit,
});
export const UserSummary = z.object({
  id: z.string(),
  displayName: z.string(), // masked
  email: z.string().nullable(), // masked
  roles: z.array(RoleName),
  createdAt: z.string(),
  deleted: z.boolean(),
});
export const UsersPage = z.object({ items: z.array(UserSummary), nextCursor: z.string().nullable() });

export const UserIdParams = z.object({ id: Uuid });
/** Why the personal data is being read: recorded in the personal-data access log. */
export const UserDetailQuery = z.object({ reason: text({ min: 2, max: 500 }) });
export const UserDetail = z.object({
  id: z.string(),
  email: z.string().nullable(),
  displayName: z.string(),
  locale: z.enum(['ko', 'en']),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  roles: z.array(RoleName),
  createdAt: z.string(),
  deletedAt: z.string().nullable(),
  consents: z.array(
    z.object({
      purpose: z.string(),
      granted: z.boolean(),
      noticeVersion: z.string(),
      recordedAt: z.string(),
    }),
  ),
});

export const GrantRoleBody = z.strictObject({ role: RoleName });
export const RoleParams = z.object({ id: Uuid, role: RoleName });
export const RolesResult = z.object({ roles: z.array(RoleName) });

export const AccessLogQuery = z.object({
  cursor: CursorParam.optional(),
  subjectUserId: Uuid.optional(),
  limit: Limit,
});
export const AccessLogEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actor: PersonRef,
  subject: PersonRef, // displayName masked
  /** Names for the reader's language (romanized with the Hangul beside it in English); the subject's masked. */
  actorLabel: z.string(),
  subjectLabel: z.string(),
  fields: z.array(z.string()),
  /** The fields shown, in words. */
  fieldLabels: z.array(z.string()),
  reason: z.string(),
  /** Why, in words: the task's name, or what the reader typed. */
  reasonLabel: z.string(),
  ip: z.string().nullable(),
  route: z.string().nullable(),
});
export const AccessLogPage = z.object({
  items: z.array(AccessLogEntryView),
  nextCursor: z.string().nullable(),
});

export const OrganizationSettings = z.object({
  id: z.string(),
  slug: z.string(),
  nameKo: z.string(),
  nameEn: z.string(),
  requireStaffTwoFactor: z.boolean(),
});
export const OrganizationPatch = z.strictObject({
  nameKo: text({ min: 1, max: 200 }).optional(),
  nameEn: text({ min: 1, max: 200 }).optional(),
  requireStaffTwoFactor: z.boolean().optional(),
});
