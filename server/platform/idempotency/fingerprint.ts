import { createHash } from 'node:crypto';

/** 1–255 visible ASCII characters (0x21–0x7E): no spaces, controls or anything a log could misread. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
export const KEY_PATTERN_SOURCE = '^[\\x21-\\x7E]{1,255}$';

/** The header's value when it is one well-formed key; null when it is missing; 'invalid' otherwise. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null | 'invalid' {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) return 'invalid';
  return header;
}

/** JSON with object keys sorted, so the same value always gives the same text (key order is the sender's choice). */
export function canonicalJson(value: unknown): string {
  const v =
    value && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export interface RequestShape {
  method: string;
  /** The route pattern (`/api/v1/x/:id`), not the URL. */
  route: string;
  params: unknown;
  query: unknown;
  /** The body as validated (an object), or raw text/bytes when a route takes something else. */
  body: unknown;
}

/** What makes two requests "the same request" for a key: method, route, params, query and the body's hash. */
export function requestFingerprint(r: RequestShape): string {
  const body =
    typeof r.body === 'string' || Buffer.isBuffer(r.body)
      ? sha256(r.body)
      : sha256(canonicalJson(r.body ?? null));
  return sha256(canonicalJson([r.method.toUpperCase(), r.route, r.params ?? {}, r.query ?? {}, body]));
}
