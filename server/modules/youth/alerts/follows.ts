import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FollowBody } from '../../../../contracts/youth-alerts.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/errors.ts';
import { youthPolicies } from '../policies/tables.ts';
import { youthAlerts, youthFollows } from './tables.ts';

// A person's follows and alerts, always within the organization and only their own: someone
// else's follow is simply not found.

const present = (r: typeof youthFollows.$inferSelect) => ({
  id: r.id,
  kind: r.targetKind,
  target: r.target,
  createdAt: r.createdAt.toISOString(),
});

export async function listFollows(db: DbOrTx, organizationId: string, userId: string) {
  const rows = await db
    .select()
    .from(youthFollows)
    .where(and(eq(youthFollows.organizationId, organizationId), eq(youthFollows.userId, userId)))
    .orderBy(asc(youthFollows.createdAt), asc(youthFollows.id));
  return { items: rows.map(present) };
}

/** Following the same thing twice keeps the first follow. A policy must be published here. */
export async function addFollow(db: DbOrTx, organizationId: string, userId: string, body: FollowBody) {
  if (body.kind === 'policy') {
    const [policy] = await db
      .select({ id: youthPolicies.id })
      .from(youthPolicies)
      .where(
        and(
          eq(youthPolicies.organizationId, organizationId),
          eq(youthPolicies.id, body.target),
          sql`${youthPolicies.status} in ('published', 'closed')`,
        ),
      );
    if (!policy) throw new AppError('not_found', 404);
  }
  await db
    .insert(youthFollows)
    .values({ organizationId, userId, targetKind: body.kind, target: body.target })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(youthFollows)
    .where(
      and(
        eq(youthFollows.organizationId, organizationId),
        eq(youthFollows.userId, userId),
        eq(youthFollows.targetKind, body.kind),
        eq(youthFollows.target, body.target),
      ),
    );
  return present(row);
}

export async function removeFollow(db: DbOrTx, organizationId: string, userId: string, id: string) {
  const gone = await db
    .delete(youthFollows)
    .where(
      and(
        eq(youthFollows.id, id),
        eq(youthFollows.organizationId, organizationId),
        eq(youthFollows.userId, userId),
      ),
    )
    .returning({ id: youthFollows.id });
  if (gone.length === 0) throw new AppError('not_found', 404);
}

/** The person's latest 100 alerts, newest first. */
export async function listAlerts(db: DbOrTx, organizationId: string, userId: string) {
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
    .where(and(eq(youthAlerts.organizationId, organizationId), eq(youthAlerts.userId, userId)))
    .orderBy(desc(youthAlerts.createdAt), desc(youthAlerts.id))
    .limit(100);
  return {
    items: rows.map((r) => ({
      ...r,
      kind: r.kind as 'new_fitting_policy',
      link: `/youth/policies/${r.policyId}`,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
