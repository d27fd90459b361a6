import { asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { FollowBody } from '../../../../contracts/youth-alerts.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor, SERIAL_CURSOR } from '../../../platform/paging/cursor.ts';
import { youthPolicies } from '../policies/index.ts';
import { youthAlerts, youthFollows } from './tables.ts';

// A person's follows and alerts, always within the organization and only their own: someone
// else's follow is simply not found.

const present = (r: typeof youthFollows.$inferSelect, policyTitle: string | null = null) => ({
  id: r.id,
  kind: r.targetKind,
  target: r.target,
  policyTitle,
  createdAt: r.createdAt.toISOString(),
});

/** With the title of each followed policy, so "my follows" can name it. */
export async function listFollows(db: DbOrTx, organizationId: string, userId: string) {
  const rows = await db
    .select({ follow: youthFollows, policyTitle: youthPolicies.title })
    .from(youthFollows)
    .leftJoin(
      youthPolicies,
      forOrg(
        youthPolicies,
        organizationId,
        eq(youthFollows.targetKind, 'policy'),
        eq(sql`${youthPolicies.id}::text`, youthFollows.target),
      ),
    )
    .where(forOrg(youthFollows, organizationId, eq(youthFollows.userId, userId)))
    .orderBy(asc(youthFollows.createdAt), asc(youthFollows.id));
  return { items: rows.map((r) => present(r.follow, r.policyTitle)) };
}

/** Following the same thing twice keeps the first follow. A policy must be published here. */
export async function addFollow(db: DbOrTx, organizationId: string, userId: string, body: FollowBody) {
  let policyTitle: string | null = null;
  if (body.kind === 'policy') {
    const [policy] = await db
      .select({ id: youthPolicies.id, title: youthPolicies.title })
      .from(youthPolicies)
      .where(
        forOrg(
          youthPolicies,
          organizationId,
          eq(youthPolicies.id, body.target),
          sql`${youthPolicies.status} in ('published', 'closed')`,
        ),
      );
    if (!policy) throw new AppError('not_found', 404);
    policyTitle = policy.title;
  }
  await db
    .insert(youthFollows)
    .values({ organizationId, userId, targetKind: body.kind, target: body.target })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(youthFollows)
    .where(
      forOrg(
        youthFollows,
        organizationId,
        eq(youthFollows.userId, userId),
        eq(youthFollows.targetKind, body.kind),
        eq(youthFollows.target, body.target),
      ),
    );
  return present(row, policyTitle);
}

export async function removeFollow(db: DbOrTx, organizationId: string, userId: string, id: string) {
  const gone = await db
    .delete(youthFollows)
    .where(forOrg(youthFollows, organizationId, eq(youthFollows.id, id), eq(youthFollows.userId, userId)))
    .returning({ id: youthFollows.id });
  if (gone.length === 0) throw new AppError('not_found', 404);
}

/** The person's alerts, newest first, a page at a time (the cursor holds the last id seen). */
export async function listAlerts(
  db: DbOrTx,
  organizationId: string,
  userId: string,
  page: { cursor?: string; limit: number } = { limit: 20 },
) {
  const after = page.cursor ? decodeCursor(page.cursor, SERIAL_CURSOR)[0] : null;
  const rows = await db
    .select({
      id: youthAlerts.id,
      kind: youthAlerts.kind,
      policyId: youthAlerts.policyId,
      policyTitle: youthPolicies.title,
      concerns: youthAlerts.concerns,
      createdAt: youthAlerts.createdAt,
    })
    .from(youthAlerts)
    .innerJoin(youthPolicies, eq(youthPolicies.id, youthAlerts.policyId))
    .where(
      forOrg(
        youthAlerts,
        organizationId,
        eq(youthAlerts.userId, userId),
        after ? lt(youthAlerts.id, after) : undefined,
      ),
    )
    .orderBy(desc(youthAlerts.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return {
    items: items.map((r) => ({
      ...r,
      link: `/youth/policies/${r.policyId}`,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > page.limit ? encodeCursor([items[items.length - 1].id]) : null,
  };
}
