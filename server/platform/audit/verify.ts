import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import { entryHash, GENESIS_HASH } from './chain.ts';

export type ChainReport =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenId: number; reason: string };

interface Row {
  id: number;
  organization_id: string | null;
  at: Date | string;
  sub_ms: number;
  actor_user_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  data: Record<string, unknown>;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

const PAGE = 1000;

/** Walks the whole chain in id order and reports the first entry whose link or content does not hold. */
export async function verifyAuditChain(db: DbOrTx): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await queryRows<Row>(
      db,
      sql`select id, organization_id, at, (extract(microseconds from at)::int8 % 1000)::int as sub_ms, actor_user_id, action,
                 target_type, target_id, data, ip, prev_hash, hash
          from audit_log where id > ${after} order by id limit ${PAGE}`,
    );
    for (const r of rows) {
      const id = Number(r.id);
      const broken = (reason: string): ChainReport => ({ ok: false, entries: count, brokenId: id, reason });
      if (r.prev_hash !== prev)
        return broken(
          'its link to the previous entry does not match (an entry before it was removed or changed)',
        );
      // Entries are written with millisecond timestamps; anything finer was put there by hand.
      if (Number(r.sub_ms) !== 0) return broken('its content does not match its hash');
      const expected = entryHash(prev, {
        id,
        organizationId: r.organization_id,
        at: new Date(r.at).toISOString(),
        actorUserId: r.actor_user_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
        ip: r.ip,
      });
      if (r.hash !== expected) return broken('its content does not match its hash');
      prev = r.hash;
      count++;
    }
    if (rows.length < PAGE) return { ok: true, entries: count };
    after = Number(rows[rows.length - 1].id);
  }
}
