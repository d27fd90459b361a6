import { sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import { type ChainedEntry, chainKeyOf, entryHash, GENESIS_HASH } from './chain.ts';
import { assertAuditLabelled } from './labels.ts';

// Any fixed number: every writer in every process takes this lock, so entries form one chain.
const AUDIT_CHAIN_LOCK_KEY = 7_262_020;

/**
 * Who made the change: a request's Ctx fits, and so does a CLI's { actor: { userId: null }, ... }.
 * With config.HAMKKE_SECRET_KEY the entry is keyed (HMAC); pass the config wherever one exists, as a
 * plain entry after keyed ones fails `audit verify`.
 */
export interface AuditCtx {
  actor: { userId: string | null };
  organizationId: string | null;
  ip?: string | null;
  config?: Pick<Config, 'HAMKKE_SECRET_KEY'>;
}

export interface AuditInput {
  action: string; // 'role.grant', 'organization.update', ...
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends an entry inside the caller's transaction. The advisory lock is held until that
 * transaction ends, so the next writer reads this entry's hash only once it is committed.
 */
export async function writeAudit(
  tx: DbOrTx,
  ctx: AuditCtx,
  input: AuditInput,
): Promise<ChainedEntry & { hash: string }> {
  const [entry] = await writeAudits(tx, [{ ctx, input }]);
  return entry;
}

/**
 * Appends entries in order, chained one to the next, in a few statements whatever their number: a
 * batch of registrations at an opening minute writes hundreds while it holds its program's lock.
 */
export async function writeAudits(
  tx: DbOrTx,
  entries: Array<{ ctx: AuditCtx; input: AuditInput }>,
): Promise<Array<ChainedEntry & { hash: string }>> {
  if (entries.length === 0) return [];
  // People read the log in words: an unnamed action is a programming error.
  for (const { input } of entries) assertAuditLabelled(input);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [last] = await queryRows<{ hash: string }>(
    tx,
    sql`select hash from audit_log order by id desc limit 1`,
  );
  const ids = (
    await queryRows<{ id: number | string }>(
      tx,
      sql`select nextval('audit_log_id_seq')::int8 as id from generate_series(1, ${entries.length})`,
    )
  )
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const written = entries.map(({ ctx, input }, i) => {
    const entry: ChainedEntry = {
      id: ids[i],
      organizationId: ctx.organizationId,
      at: new Date().toISOString(),
      actorUserId: ctx.actor.userId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      // Round-trip through JSON so what is hashed is exactly what jsonb will hand back.
      data: JSON.parse(JSON.stringify(input.data ?? {})),
      ip: ctx.ip?.slice(0, 64) ?? null,
    };
    const key = chainKeyOf(ctx.config?.HAMKKE_SECRET_KEY);
    const hash = entryHash(prevHash, entry, key);
    const row = { entry, prevHash, hash, keyed: key !== null };
    prevHash = hash;
    return row;
  });
  await tx.execute(sql`insert into audit_log (id, organization_id, at, actor_user_id, action, target_type, target_id, data, ip, prev_hash, hash, keyed)
    values ${sql.join(
      written.map(
        ({ entry, prevHash: prev, hash, keyed }) =>
          sql`(${entry.id}, ${entry.organizationId}, ${entry.at}::timestamptz, ${entry.actorUserId}, ${entry.action}, ${entry.targetType},
            ${entry.targetId}, ${JSON.stringify(entry.data)}::jsonb, ${entry.ip}, ${prev}, ${hash}, ${keyed})`,
      ),
      sql`, `,
    )}`);
  return written.map(({ entry, hash }) => ({ ...entry, hash }));
}
