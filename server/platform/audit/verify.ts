import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import { chainKeyOf, entryHash, GENESIS_HASH } from './chain.ts';

/** How many entries were checked in each mode: keyed (HMAC) and unkeyed (plain SHA-256). */
export interface ChainModes {
  keyed: number;
  unkeyed: number;
}

export type ChainReport =
  | ({ ok: true; entries: number } & ChainModes)
  | ({ ok: false; entries: number; brokenId: number; reason: string } & ChainModes);

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
  keyed: boolean;
}

const PAGE = 1000;

/** "keyed (HMAC)", "unkeyed (SHA-256)" or the mix, with counts. */
export function describeModes({ keyed, unkeyed }: ChainModes): string {
  if (keyed > 0 && unkeyed > 0) return `mixed: ${unkeyed} unkeyed (SHA-256) then ${keyed} keyed (HMAC)`;
  return keyed > 0 ? 'keyed (HMAC)' : 'unkeyed (SHA-256)';
}

/**
 * Walks the whole chain in id order and reports the first entry whose link or content does not hold.
 * Keyed entries are checked with the key derived from `secretKey` (HAMKKE_SECRET_KEY): without it,
 * or with another key, they fail. A log may go from unkeyed to keyed once (the key was set), never
 * back: an unkeyed entry after a keyed one is someone recomputing the chain without the key.
 */
export async function verifyAuditChain(db: DbOrTx, secretKey?: string): Promise<ChainReport> {
  const key = chainKeyOf(secretKey);
  let prev = GENESIS_HASH;
  let after = 0;
  const modes: ChainModes = { keyed: 0, unkeyed: 0 };
  for (;;) {
    const rows = await queryRows<Row>(
      db,
      sql`select id, organization_id, at, (extract(microseconds from at)::int8 % 1000)::int as sub_ms, actor_user_id, action,
                 target_type, target_id, data, ip, prev_hash, hash, keyed
          from audit_log where id > ${after} order by id limit ${PAGE}`,
    );
    for (const r of rows) {
      const id = Number(r.id);
      const broken = (reason: string): ChainReport => ({
        ok: false,
        entries: modes.keyed + modes.unkeyed,
        brokenId: id,
        reason,
        ...modes,
      });
      if (r.prev_hash !== prev)
        return broken(
          'its link to the previous entry does not match (an entry before it was removed or changed)',
        );
      if (r.keyed && !key)
        return broken('it is keyed (HMAC) and HAMKKE_SECRET_KEY is not set, so it cannot be checked');
      if (!r.keyed && modes.keyed > 0)
        return broken('it is unkeyed after keyed entries (the chain was recomputed without the key)');
      // Entries are written with millisecond timestamps; anything finer was put there by hand.
      if (Number(r.sub_ms) !== 0) return broken('its content does not match its hash');
      const expected = entryHash(
        prev,
        {
          id,
          organizationId: r.organization_id,
          at: new Date(r.at).toISOString(),
          actorUserId: r.actor_user_id,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
          ip: r.ip,
        },
        r.keyed ? key : null,
      );
      if (r.hash !== expected)
        return broken(
          r.keyed
            ? 'its content does not match its keyed hash (the entry was changed, or HAMKKE_SECRET_KEY is not the key it was written with)'
            : 'its content does not match its hash',
        );
      prev = r.hash;
      if (r.keyed) modes.keyed++;
      else modes.unkeyed++;
    }
    if (rows.length < PAGE) return { ok: true, entries: modes.keyed + modes.unkeyed, ...modes };
    after = Number(rows[rows.length - 1].id);
  }
}
