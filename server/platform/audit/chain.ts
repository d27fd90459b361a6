import { createHash, createHmac, hkdfSync } from 'node:crypto';

// The hash chain: hash = H(previous hash + canonical JSON of the entry). Canonical JSON sorts
// object keys at every depth, so the order in which jsonb hands keys back does not matter.
// H is HMAC-SHA256 under a key derived from HAMKKE_SECRET_KEY when that is set (a keyed entry), so
// someone who can write to the database but does not hold the key cannot recompute the chain after
// changing an entry; without the key it is plain SHA-256.
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
  id: number;
  organizationId: string | null;
  at: string; // ISO 8601 with milliseconds, computed once when written
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
}

/** The chain key, or null for plain SHA-256. */
export type ChainKey = Buffer | null;

const CHAIN_KEY_LABEL = 'hamkke audit chain v1';
const derived = new Map<string, Buffer>();

/** The audit chain's own key from HAMKKE_SECRET_KEY (HKDF-SHA256), so it is never the key that seals secrets. */
export function chainKeyOf(secretKey: string | undefined): ChainKey {
  if (!secretKey) return null;
  let key = derived.get(secretKey);
  if (!key) {
    key = Buffer.from(
      hkdfSync('sha256', Buffer.from(secretKey, 'base64'), Buffer.alloc(0), CHAIN_KEY_LABEL, 32),
    );
    derived.set(secretKey, key);
  }
  return key;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, entry: ChainedEntry, key: ChainKey = null): string {
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prevHash).update(canonicalJson(entry)).digest('hex');
}
