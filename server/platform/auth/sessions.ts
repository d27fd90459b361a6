import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../access/actor.ts';
import { batcher } from '../db/coalesce.ts';
import type { DbOrTx } from '../db/connect.ts';
import { preparedPer } from '../db/prepared.ts';
import { organizations } from '../tenants/tables.ts';
import { memberships, sessions, users } from './tables.ts';

export const SESSION_COOKIE = 'hamkke_session';
const TOUCH_AFTER_MS = 5 * 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  tx: DbOrTx,
  input: {
    userId: string;
    organizationId: string;
    days: number;
    ip?: string;
    userAgent?: string;
    twoFactorPending?: boolean;
  },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    organizationId: input.organizationId,
    csrfToken,
    expiresAt,
    twoFactorPending: input.twoFactorPending ?? false,
    ip: input.ip?.slice(0, 64),
    userAgent: input.userAgent?.slice(0, 300),
  });
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  userId: string;
  organizationId: string;
  csrfToken: string;
  twoFactorPending: boolean;
  locale: string;
  roles: Role[];
}

const STAFF_ROLES: ReadonlySet<Role> = new Set(['staff', 'admin']);

/**
 * Finds a live session for a cookie token, with the person's roles in the session's organization.
 * When the organization requires two-factor for staff, staff and admin roles are withheld from
 * anyone who has not enabled it: they are signed in, and GET /me tells them to set it up.
 */
export async function resolveSession(db: DbOrTx, token: string): Promise<ResolvedSession | null> {
  const id = hashToken(token);
  const row = await findLiveSession(db, id);
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  const { lastSeenAt: _, totpEnabledAt, requireStaffTwoFactor, ...rest } = row;
  const withhold = requireStaffTwoFactor && !totpEnabledAt;
  const roles = (row.roles ?? []).filter((role) => !(withhold && STAFF_ROLES.has(role)));
  return { ...rest, roles };
}

const liveSessions = preparedPer((db: DbOrTx) =>
  db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      organizationId: sessions.organizationId,
      csrfToken: sessions.csrfToken,
      twoFactorPending: sessions.twoFactorPending,
      lastSeenAt: sessions.lastSeenAt,
      locale: users.locale,
      roles: sql<
        Role[] | null
      >`(select array_agg(m.role) from ${memberships} m where m.user_id = ${sessions.userId} and m.organization_id = ${sessions.organizationId})`,
      totpEnabledAt: users.totpEnabledAt,
      requireStaffTwoFactor: organizations.requireStaffTwoFactor,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, sessions.organizationId))
    .where(
      and(
        sql`${sessions.id} = any(${sql.placeholder('ids')}::text[])`,
        sql`${sessions.expiresAt} > now()`,
        sql`${users.deletedAt} is null`,
      ),
    )
    .prepare('hamkke_live_sessions'),
);

/** Every request asks this: the requests of one turn share one query (coalesce.ts). */
const findLiveSession = batcher(async (db: DbOrTx, ids: string[]) => {
  const rows = await liveSessions(db).execute({ ids });
  const byId = new Map(rows.map((r) => [r.sessionId, r]));
  return ids.map((id) => byId.get(id));
});

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function deleteUserSessions(
  db: DbOrTx,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`)
        : eq(sessions.userId, userId),
    );
}
