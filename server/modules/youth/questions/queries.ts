import { and, asc, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Question } from '../../../../contracts/youth-questions.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { youthPolicies } from '../policies/tables.ts';
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

function select(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(youthQuestions)
    .innerJoin(youthPolicies, eq(youthPolicies.id, youthQuestions.policyId))
    .leftJoin(users, eq(users.id, youthQuestions.askerId))
    .where(where);
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

/** Questions on a policy the actor may read: the public ones, their own, and all of them for staff. */
export async function listPolicyQuestions(
  db: DbOrTx,
  organizationId: string,
  policyId: string,
  actor: Actor,
) {
  const visible = isStaff(actor)
    ? undefined
    : actor.userId
      ? or(eq(youthQuestions.isPublic, true), eq(youthQuestions.askerId, actor.userId))
      : eq(youthQuestions.isPublic, true);
  const rows = await select(
    db,
    and(eq(youthQuestions.organizationId, organizationId), eq(youthQuestions.policyId, policyId), visible),
  )
    .orderBy(desc(youthQuestions.createdAt))
    .limit(200);
  return rows.map((r) => presentQuestion(r, actor));
}

export async function listMyQuestions(db: DbOrTx, organizationId: string, actor: Actor, userId: string) {
  const rows = await select(
    db,
    and(eq(youthQuestions.organizationId, organizationId), eq(youthQuestions.askerId, userId)),
  )
    .orderBy(desc(youthQuestions.createdAt))
    .limit(200);
  return rows.map((r) => presentQuestion(r, actor));
}

/** Unanswered questions, oldest first, with how long each has waited. */
export async function listInbox(db: DbOrTx, organizationId: string, actor: Actor, now = new Date()) {
  const rows = await select(
    db,
    and(eq(youthQuestions.organizationId, organizationId), isNull(youthQuestions.answeredAt)),
  )
    .orderBy(asc(youthQuestions.createdAt), asc(youthQuestions.id))
    .limit(500);
  return rows.map((r) => ({ ...presentQuestion(r, actor), ...waitingOf(r.createdAt, now) }));
}

export async function findQuestion(db: DbOrTx, organizationId: string, id: string, actor: Actor) {
  const [row] = await select(
    db,
    and(eq(youthQuestions.organizationId, organizationId), eq(youthQuestions.id, id)),
  );
  return row ? presentQuestion(row, actor) : null;
}
