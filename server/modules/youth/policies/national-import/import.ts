import { getTableColumns, inArray, sql } from 'drizzle-orm';
import type { ImportResult } from '../../../../../contracts/youth-policies.ts';
import type { Config } from '../../../../config.ts';
import { type AuditCtx, writeAudit } from '../../../../platform/audit/write.ts';
import type { Db } from '../../../../platform/db/connect.ts';
import { emit } from '../../../../platform/events/emit.ts';
import type { Locale } from '../../../../platform/i18n/locale.ts';
import { t } from '../../../../platform/i18n/messages.ts';
import type { Jobs } from '../../../../platform/jobs/boss.ts';
import { policiesChanged, settlePolicySearch, syncPolicySearch } from '../catalogue/index.ts';
import { fieldColumns } from '../columns.ts';
import { policiesImported } from '../events.ts';
import { roundColumns } from '../status.ts';
import { youthPolicies, youthPolicyRounds } from '../tables.ts';
import { type ParsedPolicy, parseGetPlcyRecord } from './getplcy.ts';

export const IMPORT_BATCH_SIZE = 250;

/** Who runs the import; with `config` (the staff route, the CLI) new and changed policies alert people. */
type ImportCtx = AuditCtx & { organizationId: string; config?: Config; jobs?: Pick<Jobs, 'send'> };

/** The records of a getPlcy response: the envelope's `result.youthPolicyList`, or a bare array. Null when neither. */
export function recordsOf(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  const list = (body as { result?: { youthPolicyList?: unknown } } | null)?.result?.youthPolicyList;
  return Array.isArray(list) ? list : null;
}

interface Readable {
  index: number;
  policy: ParsedPolicy;
  raw: Record<string, string>;
}

/**
 * Imports national policies, matched on plcyNo: new ones are published, known ones updated (their
 * workflow status kept). Each batch is one transaction, so a failure leaves none of its rows
 * behind; unreadable records are reported and the rest still go in.
 */
export async function importPolicies(
  db: Db,
  ctx: ImportCtx,
  records: unknown[],
  locale: Locale,
  batchSize = IMPORT_BATCH_SIZE,
): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, updated: 0, rejected: [] };
  const reject = (index: number, externalId: string | null, code: string, params = {}) =>
    result.rejected.push({ index, externalId, reason: t(locale, `youth.import.${code}`, params) });
  const readable: Readable[] = [];
  const seen = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    const parsed = parseGetPlcyRecord(record);
    if (!parsed.ok) {
      reject(index, parsed.externalId, parsed.problem.code, parsed.problem.params);
      continue;
    }
    const earlier = seen.get(parsed.policy.externalId);
    if (earlier !== undefined) {
      reject(index, parsed.policy.externalId, 'duplicate', { index: earlier + 1 }); // people count from 1
      continue;
    }
    seen.set(parsed.policy.externalId, index);
    readable.push({ index, policy: parsed.policy, raw: parsed.raw });
  }

  for (let i = 0; i < readable.length; i += batchSize) {
    const batch = readable.slice(i, i + batchSize);
    try {
      const counts = await db.transaction((tx) => writeBatch(tx as unknown as Db, ctx, batch));
      result.imported += counts.imported;
      result.updated += counts.updated;
    } catch {
      // The batch rolled back as a whole; its records are reported, never half-written.
      for (const r of batch) reject(r.index, r.policy.externalId, 'batch_failed');
    }
  }
  result.rejected.sort((a, b) => a.index - b.index);
  if (readable.length > 0) await settlePolicySearch(db);
  policiesChanged(ctx.organizationId);
  return result;
}

const UPDATED_ON_REIMPORT = [
  'title',
  'summary',
  'support_content',
  'field_major',
  'field_minor',
  'fields',
  'keywords',
  'operator',
  'supervisor',
  'apply_period_kind',
  'business_period_kind',
  'business_starts_on',
  'business_ends_on',
  'business_period_other',
  'how_to_apply',
  'review_method',
  'documents',
  'other_notes',
  'application_url',
  'reference_urls',
  'support_scale',
  'min_age',
  'max_age',
  'region_codes',
  'employment_codes',
  'education_codes',
  'major_codes',
  'special_group_codes',
  'marital_codes',
  'income_condition',
  'income_min',
  'income_max',
  'income_other',
  'additional_conditions',
  'excluded_targets',
  'source_record',
  'registered_at',
  'source_modified_at',
  'tsv',
  'initials',
  'round_starts',
  'round_ends',
  'round_last_end',
];

async function writeBatch(tx: Db, ctx: ImportCtx, batch: Readable[]) {
  const set = Object.fromEntries(UPDATED_ON_REIMPORT.map((c) => [c, sql.raw(`excluded.${c}`)]));
  const rows = await tx
    .insert(youthPolicies)
    .values(
      batch.map(({ policy, raw }) => ({
        organizationId: ctx.organizationId,
        externalId: policy.externalId,
        source: 'national' as const,
        status: 'published' as const,
        ...fieldColumns(policy),
        ...roundColumns(policy.rounds),
        sourceRecord: raw,
        registeredAt: policy.registeredAt ? new Date(policy.registeredAt) : sql`now()`,
        sourceModifiedAt: policy.sourceModifiedAt ? new Date(policy.sourceModifiedAt) : null,
      })),
    )
    .onConflictDoUpdate({
      target: [youthPolicies.organizationId, youthPolicies.externalId],
      set: { ...mapSet(set), updatedAt: sql`now()` },
    })
    .returning({
      id: youthPolicies.id,
      externalId: youthPolicies.externalId,
      status: youthPolicies.status,
      inserted: sql<boolean>`(xmax = 0)`,
      // The subquery sees the row as it was before this statement: did the national record change?
      changed: sql<boolean>`(select o.source_record from youth_policies o where o.id = youth_policies.id) is distinct from youth_policies.source_record`,
      recordKey: sql<string>`md5(${youthPolicies.sourceRecord}::text)`,
    });
  const ids = rows.map((r) => r.id);
  await tx.delete(youthPolicyRounds).where(inArray(youthPolicyRounds.policyId, ids));
  const idOf = new Map(rows.map((r) => [r.externalId, r.id]));
  const rounds = batch.flatMap(({ policy }) =>
    policy.rounds.map((r) => ({
      policyId: idOf.get(policy.externalId)!,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
    })),
  );
  if (rounds.length) await tx.insert(youthPolicyRounds).values(rounds).onConflictDoNothing();
  const byId = new Map(batch.map((b) => [idOf.get(b.policy.externalId), b.policy]));
  for (const row of rows) {
    const p = byId.get(row.id)!;
    await syncPolicySearch(tx, { ...p, id: row.id, organizationId: ctx.organizationId, status: row.status });
  }
  if (ctx.config)
    await emit(tx, { config: ctx.config, jobs: ctx.jobs }, policiesImported, {
      organizationId: ctx.organizationId,
      created: rows.filter((r) => r.inserted).map((r) => r.id),
      changed: rows
        .filter((r) => !r.inserted && r.changed && r.status === 'published')
        .map((r) => ({ id: r.id, key: r.recordKey })),
    });
  const imported = rows.filter((r) => r.inserted).length;
  const counts = { imported, updated: rows.length - imported };
  await writeAudit(tx, ctx, { action: 'youth.policy.import', targetType: 'youth.policy', data: counts });
  return counts;
}

/** Drizzle's `set` takes the table's property names; translate the column names above. */
function mapSet(byColumn: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(getTableColumns(youthPolicies))
      .filter(([, col]) => col.name in byColumn)
      .map(([prop, col]) => [prop, byColumn[col.name]]),
  );
}
