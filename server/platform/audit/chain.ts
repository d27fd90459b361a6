import { createHash } from 'node:crypto';

// The hash chain: hash = sha256(previous hash + canonical JSON of the entry). Canonical JSON sorts
// object keys at every depth, so the order in which jsonb hands keys back does not matter.
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

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, entry: ChainedEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}
