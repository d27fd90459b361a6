import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Role } from '../access/actor.ts';
import { authorize } from '../access/authorize.ts';
import { normalizeEmail } from '../auth/commands.ts';
import { memberships, users } from '../auth/tables.ts';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import { forOrg } from '../db/tenant.ts';
import { AppError } from '../errors.ts';
import type { Ctx, SignedInCtx } from '../http.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../paging/cursor.ts';
import { logPersonalDataAccess, logPersonalDataAccessOf } from '../privacy/access-log.ts';
import { currentConsents } from '../privacy/consents.ts';
import { maskEmail, maskName } from '../privacy/masking.ts';
import { organizations } from '../tenants/tables.ts';

interface UserRow {
  id: string;
  display_name: string;
  email: string | null;
  created_at: Date | string;
  cursor_at: string;
  deleted_at: Date | string | null;
  roles: Role[];
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People with any role in the organization, newest first, names and emails masked. A search (q) is
 * an admin's, with a reason: an address is matched only whole, so it cannot be rebuilt a character
 * at a time; a name may match in part. Everyone a search shows gets an access-log record, written in
 * the transaction that reads them.
 */

// The sort key of a page's last row.
const CURSOR = z.tuple([cursorKey.timestamp, cursorKey.uuid]);

export async function listUsers(
  ctx: SignedInCtx,
  input: { q?: string; reason?: string; cursor?: string; limit: number },
  route: string,
) {
  const after = input.cursor ? decodeCursor(input.cursor, CURSOR) : null;
  const q = input.q;
  if (q) {
    authorize(ctx.actor, 'admin.users.search');
    if (!input.reason)
      throw new AppError('search_reason_required', 400, {}, [
        { field: 'querystring.reason', code: 'required' },
      ]);
  }
  const byEmail = q?.includes('@') ?? false;
  const read = async (db: DbOrTx) => {
    const rows = await queryRows<UserRow>(
      db,
      sql`select u.id, u.display_name, u.email, u.created_at, u.created_at::text as cursor_at, u.deleted_at,
                 array_agg(m.role order by m.role)::text[] as roles
          from users u join memberships m on m.user_id = u.id and m.organization_id = ${ctx.organizationId}
          where true
            ${q ? (byEmail ? sql`and u.email_normalized = ${normalizeEmail(q)}` : sql`and u.display_name ilike ${likePattern(q)}`) : sql``}
            ${after ? sql`and (u.created_at, u.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
          group by u.id
          order by u.created_at desc, u.id desc
          limit ${input.limit + 1}`,
    );
    const shown = rows.slice(0, input.limit);
    if (q && input.reason)
      await logPersonalDataAccessOf(
        db,
        ctx,
        shown.map((r) => r.id).filter((id) => id !== ctx.actor.userId),
        { fields: [byEmail ? 'email' : 'displayName'], reason: input.reason, reasonTyped: true, route },
      );
    return rows;
  };
  const rows = q ? await ctx.db.transaction(read) : await read(ctx.db);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      displayName: maskName(r.display_name),
      email: r.email ? maskEmail(r.email) : null,
      roles: r.roles,
      createdAt: new Date(r.created_at).toISOString(),
      deleted: r.deleted_at !== null,
    })),
    nextCursor: rows.length > input.limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}

export async function rolesIn(db: Ctx['db'], organizationId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(forOrg(memberships, organizationId, eq(memberships.userId, userId)))
    .orderBy(memberships.role);
  return rows.map((r) => r.role as Role);
}

export const USER_DETAIL_FIELDS = [
  'email',
  'displayName',
  'locale',
  'emailVerified',
  'twoFactorEnabled',
  'roles',
  'createdAt',
  'consents',
];

/**
 * One person's personal data for an admin, with the reason written to the access log in the same
 * transaction. Someone with no role in this organization is not found (404), whatever else exists.
 */
export async function readUserPersonalData(ctx: SignedInCtx, userId: string, reason: string, route: string) {
  return ctx.db.transaction(async (tx) => {
    const roles = await rolesIn(tx, ctx.organizationId, userId);
    if (roles.length === 0) throw new AppError('not_found', 404);
    const [u] = await tx.select().from(users).where(eq(users.id, userId));
    if (!u) throw new AppError('not_found', 404);
    const consents = await currentConsents(tx, userId);
    await logPersonalDataAccess(tx, ctx, {
      subjectUserId: userId,
      fields: USER_DETAIL_FIELDS,
      reason,
      reasonTyped: true,
      route,
    });
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      locale: u.locale as 'ko' | 'en',
      emailVerified: Boolean(u.emailVerifiedAt),
      twoFactorEnabled: Boolean(u.totpEnabledAt),
      roles,
      createdAt: u.createdAt.toISOString(),
      deletedAt: u.deletedAt ? u.deletedAt.toISOString() : null,
      consents: [...consents].map(([purpose, c]) => ({
        purpose,
        granted: c.granted,
        noticeVersion: c.noticeVersion,
        recordedAt: c.recordedAt.toISOString(),
      })),
    };
  });
}

export async function organizationSettings(db: Ctx['db'], organizationId: string) {
  const [o] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!o) throw new AppError('not_found', 404);
  return {
    id: o.id,
    slug: o.slug,
    nameKo: o.nameKo,
    nameEn: o.nameEn,
    requireStaffTwoFactor: o.requireStaffTwoFactor,
  };
}
