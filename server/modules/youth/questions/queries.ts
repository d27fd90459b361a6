import { and, asc, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Question } from '../../../../contracts/youth-questions.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import type { Ctx } from '../../../platform/http.ts';
import { logPersonalDataAccessOf } from '../../../platform/privacy/access-log.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { youthPolicies } from '../policies/index.ts';
import { youthQuestions } from './tables.ts';
import { waitingOf } from './working-days.ts';

const columns = {
  id: youthQuestions.id,
  policyId: youthQuestions.policyId,
  policyTitle: youthPolicies.title,
  title: youthQuestions.title,
  body: youthQuestions.body,
  isPublic: youthQuestions.isPublic,
  askerId: youthQuestions.askerId,
  askerName: users.displayName,
  answer: youthQuestions.answer,
  answeredAt: youthQuestions.answeredAt,
  createdAt: youthQuestions.createdAt,
};
type Row = {
  id: string;
  policyId: string;
  policyTitle: string;
  title: string;
  body: string;
  isPublic: boolean;
  askerId: string | null;
  askerName: string | null;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
};

/** One organization's questions with their policy's title and the asker's name. */
function select(db: DbOrTx, organizationId: string, ...where: (SQL | undefined)[]) {
  return db
    .select(columns)
    .from(youthQuestions)
    .innerJoin(youthPolicies, eq(youthPolicies.id, youthQuestions.policyId))
    .leftJoin(users, eq(users.id, youthQuestions.askerId))
    .where(forOrg(youthQuestions, organizationId, ...where));
}

/** The asker's own name for them and for staff (name only, never the email); masked for others. */
export function presentQuestion(row: Row, actor: Actor): Question {
  const mine = row.askerId !== null && row.askerId === actor.userId;
  const name = row.askerName;
  return {
    id: row.id,
    policyId: row.policyId,
    policyTitle: row.policyTitle,
    title: row.title,
    body: row.body,
    public: row.isPublic,
    asker: name === null ? null : mine || isStaff(actor) ? name : maskName(name),
    mine,
    createdAt: row.createdAt.toISOString(),
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

/**
 * Staff see askers' names unmasked (to answer them), which is a read of other people's personal
 * data: one access-log record per asker shown, in the same transaction as the read.
 */
async function logAskersShown(tx: DbOrTx, ctx: Ctx, rows: Row[], route: string, reason: string) {
  const { actor } = ctx;
  if (!actor.signedIn || !isStaff(actor)) return; // public lists too: only staff see names in full
  const others = rows.flatMap((r) => (r.askerId && r.askerId !== actor.userId ? [r.askerId] : []));
  await logPersonalDataAccessOf(tx, { ...ctx, actor }, others, { fields: ['displayName'], reason, route });
}

async function readLogged(
  ctx: Ctx,
  route: string,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  reason: string,
) {
  const read = async (tx: DbOrTx) => {
    const rows = await select(tx, ctx.organizationId, where)
      .orderBy(...order)
      .limit(limit);
    await logAskersShown(tx, ctx, rows, route, reason);
    return rows;
  };
  return isStaff(ctx.actor) ? ctx.db.transaction(read) : read(ctx.db);
}

/** Questions on a policy the actor may read: the public ones, their own, and all of them for staff. */
export async function listPolicyQuestions(ctx: Ctx, route: string, policyId: string) {
  const { actor } = ctx;
  const visible = isStaff(actor)
    ? undefined
    : actor.userId
      ? or(eq(youthQuestions.isPublic, true), eq(youthQuestions.askerId, actor.userId))
      : eq(youthQuestions.isPublic, true);
  const rows = await readLogged(
    ctx,
    route,
    and(eq(youthQuestions.policyId, policyId), visible),
    [desc(youthQuestions.createdAt)],
    200,
    'youth.questions.list',
  );
  return rows.map((r) => presentQuestion(r, actor));
}

export async function listMyQuestions(db: DbOrTx, organizationId: string, actor: Actor, userId: string) {
  const rows = await select(db, organizationId, eq(youthQuestions.askerId, userId))
    .orderBy(desc(youthQuestions.createdAt))
    .limit(200);
  return rows.map((r) => presentQuestion(r, actor));
}

/** Unanswered questions, oldest first, with how long each has waited. */
export async function listInbox(ctx: Ctx, route: string, now = new Date()) {
  const rows = await readLogged(
    ctx,
    route,
    isNull(youthQuestions.answeredAt),
    [asc(youthQuestions.createdAt), asc(youthQuestions.id)],
    500,
    'youth.questions.inbox',
  );
  return rows.map((r) => ({ ...presentQuestion(r, ctx.actor), ...waitingOf(r.createdAt, now) }));
}

export async function findQuestion(db: DbOrTx, organizationId: string, id: string, actor: Actor) {
  const [row] = await select(db, organizationId, eq(youthQuestions.id, id));
  return row ? presentQuestion(row, actor) : null;
}

/** One question as the actor sees it, inside the caller's transaction; staff reading the asker are logged. */
export async function findQuestionLogged(tx: DbOrTx, ctx: Ctx, id: string, route: string, reason: string) {
  const [row] = await select(tx, ctx.organizationId, eq(youthQuestions.id, id));
  if (!row) return null;
  await logAskersShown(tx, ctx, [row], route, reason);
  return presentQuestion(row, ctx.actor);
}
