import { asc, eq, sql } from 'drizzle-orm';
import {
  NEXT_WORKFLOW,
  type PolicyCreateBody,
  type PolicyPatchBody,
  type PolicyWorkflowStatus,
} from '../../../../../contracts/youth-policies.ts';
import { writeAudit } from '../../../../platform/audit/write.ts';
import type { DbOrTx } from '../../../../platform/db/connect.ts';
import { forOrg } from '../../../../platform/db/tenant.ts';
import { AppError } from '../../../../platform/errors.ts';
import { emit } from '../../../../platform/events/emit.ts';
import type { Ctx } from '../../../../platform/http.ts';
import { t } from '../../../../platform/i18n/messages.ts';
import { policiesChanged, syncPolicySearch } from '../catalogue/index.ts';
import { fieldColumns, fieldMajorOf, fieldsOfRow, type PolicyFields } from '../columns.ts';
import { policyChanged, policyPublished } from '../events.ts';
import { roundColumns } from '../status.ts';
import { youthPolicies, youthPolicyRounds } from '../tables.ts';

// Staff authoring of local policies: draft → review → published → closed, back to draft from
// review; every change is a revision and an audit entry in the same transaction.

const EMPTY: PolicyFields = {
  title: '',
  summary: '',
  supportContent: '',
  fieldMajor: '',
  fieldMinor: '',
  fields: [],
  keywords: [],
  operator: '',
  supervisor: '',
  applyPeriodKind: 'dates',
  businessPeriodKind: null,
  businessStartsOn: null,
  businessEndsOn: null,
  businessPeriodOther: '',
  howToApply: '',
  reviewMethod: '',
  documents: '',
  otherNotes: '',
  applicationUrl: '',
  referenceUrls: [],
  supportScale: '',
  minAge: 0,
  maxAge: 0,
  regionCodes: [],
  employmentCodes: [],
  educationCodes: [],
  majorCodes: [],
  specialGroupCodes: [],
  maritalCodes: [],
  incomeCondition: null,
  incomeMin: 0,
  incomeMax: 0,
  incomeOther: null,
  additionalConditions: '',
  excludedTargets: '',
};

function checkAges(ctx: Ctx, f: PolicyFields) {
  if (f.minAge > 0 && f.maxAge > 0 && f.minAge > f.maxAge)
    throw new AppError('validation_failed', 400, {}, [
      { field: 'body.maxAge', code: 'age_order', message: t(ctx.locale, 'field.age_order') },
    ]);
}

async function loadForUpdate(tx: DbOrTx, ctx: Ctx, id: string) {
  const [row] = await tx
    .select()
    .from(youthPolicies)
    .where(forOrg(youthPolicies, ctx.organizationId, eq(youthPolicies.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', 404);
  return row;
}

async function roundsOf(tx: DbOrTx, id: string) {
  return tx
    .select({ startsOn: youthPolicyRounds.startsOn, endsOn: youthPolicyRounds.endsOn })
    .from(youthPolicyRounds)
    .where(eq(youthPolicyRounds.policyId, id))
    .orderBy(asc(youthPolicyRounds.startsOn));
}

async function addRevision(
  tx: DbOrTx,
  ctx: { organizationId: string; actor: { userId: string | null } },
  policyId: string,
  change: string,
  snapshot: Record<string, unknown>,
) {
  await tx.execute(sql`insert into youth_policy_revisions (organization_id, policy_id, revision, actor_user_id, change, snapshot)
    values (${ctx.organizationId}, ${policyId},
            (select coalesce(max(revision), 0) + 1 from youth_policy_revisions where policy_id = ${policyId}),
            ${ctx.actor.userId}, ${change}, ${JSON.stringify(snapshot)}::jsonb)`);
}

/** A local policy's fields, its 대분류 written from its fields (staff choose fields, not a name). */
const local = (f: PolicyFields): PolicyFields => ({ ...f, fieldMajor: fieldMajorOf(f.fields) });

/** Writes a new local policy with its rounds and first revision; the caller audits it. */
async function insertLocalPolicy(
  tx: DbOrTx,
  who: { organizationId: string; actor: { userId: string | null } },
  status: 'draft' | 'published',
  fields: PolicyFields,
  rounds: NonNullable<PolicyCreateBody['rounds']>,
): Promise<string> {
  const [row] = await tx
    .insert(youthPolicies)
    .values({
      organizationId: who.organizationId,
      source: 'local',
      status,
      ...fieldColumns(fields),
      ...roundColumns(rounds),
    })
    .returning({ id: youthPolicies.id });
  if (rounds.length)
    await tx.insert(youthPolicyRounds).values(rounds.map((r) => ({ policyId: row.id, ...r })));
  await addRevision(tx, who, row.id, 'create', { ...fields, rounds, status });
  return row.id;
}

/**
 * A published local policy written without an actor (the demo's policies from the 2019 work plan),
 * with its search entry, like a staff create + publish.
 */
export async function insertPublishedPolicy(
  tx: DbOrTx,
  organizationId: string,
  body: PolicyCreateBody,
): Promise<string> {
  const { rounds = [], ...rest } = body;
  const fields = local({ ...EMPTY, ...rest });
  const id = await insertLocalPolicy(
    tx,
    { organizationId, actor: { userId: null } },
    'published',
    fields,
    rounds,
  );
  await syncPolicySearch(tx, { ...fields, id, organizationId, status: 'published' });
  return id;
}

export async function createPolicy(ctx: Ctx, body: PolicyCreateBody): Promise<{ id: string }> {
  const { rounds = [], ...rest } = body;
  const fields = local({ ...EMPTY, ...rest });
  checkAges(ctx, fields);
  return ctx.db.transaction(async (tx) => {
    const id = await insertLocalPolicy(tx, ctx, 'draft', fields, rounds);
    await writeAudit(tx, ctx, { action: 'youth.policy.create', targetType: 'youth.policy', targetId: id });
    return { id };
  });
}

export async function updatePolicy(ctx: Ctx, id: string, body: PolicyPatchBody): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForUpdate(tx, ctx, id);
    if (row.source !== 'local') throw new AppError('youth_policy_not_local', 409);
    const { rounds, ...rest } = body;
    const fields = local({ ...fieldsOfRow(row), ...rest });
    checkAges(ctx, fields);
    await tx
      .update(youthPolicies)
      .set({ ...fieldColumns(fields), ...(rounds ? roundColumns(rounds) : {}), updatedAt: sql`now()` })
      .where(forOrg(youthPolicies, ctx, eq(youthPolicies.id, id)));
    if (rounds) {
      await tx.delete(youthPolicyRounds).where(eq(youthPolicyRounds.policyId, id));
      if (rounds.length)
        await tx.insert(youthPolicyRounds).values(rounds.map((r) => ({ policyId: id, ...r })));
    }
    await addRevision(tx, ctx, id, 'edit', {
      ...fields,
      rounds: rounds ?? (await roundsOf(tx, id)),
      status: row.status,
    });
    await syncPolicySearch(tx, { ...fields, id, organizationId: ctx.organizationId, status: row.status });
    // Followers hear of a change to a published policy (alerts subscribe), in this transaction.
    if (row.status === 'published')
      await emit(tx, ctx, policyChanged, { organizationId: ctx.organizationId, policyId: id });
    await writeAudit(tx, ctx, {
      action: 'youth.policy.update',
      targetType: 'youth.policy',
      targetId: id,
      data: { changed: Object.keys(body).sort() },
    });
  });
  policiesChanged(ctx.organizationId); // the self-check sees the change at once
}

export async function transitionPolicy(ctx: Ctx, id: string, to: PolicyWorkflowStatus): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForUpdate(tx, ctx, id);
    if (!NEXT_WORKFLOW[row.status].includes(to))
      throw new AppError('youth_policy_transition', 409, { from: row.status, to });
    await tx
      .update(youthPolicies)
      .set({ status: to, updatedAt: sql`now()` })
      .where(forOrg(youthPolicies, ctx, eq(youthPolicies.id, id)));
    const fields = fieldsOfRow(row);
    await addRevision(tx, ctx, id, `status:${to}`, { ...fields, rounds: await roundsOf(tx, id), status: to });
    await syncPolicySearch(tx, { ...fields, id, organizationId: ctx.organizationId, status: to });
    // The alert fan-out of a newly published policy (alerts subscribe), in this transaction.
    if (to === 'published')
      await emit(tx, ctx, policyPublished, { organizationId: ctx.organizationId, policyId: id });
    await writeAudit(tx, ctx, {
      action: 'youth.policy.transition',
      targetType: 'youth.policy',
      targetId: id,
      data: { from: row.status, to },
    });
  });
  policiesChanged(ctx.organizationId);
}
