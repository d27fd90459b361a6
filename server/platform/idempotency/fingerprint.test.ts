import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './fingerprint.ts';

const base = {
  method: 'POST',
  route: '/api/v1/youth/policies/:id/questions',
  params: { id: 'a' },
  query: {},
  body: { body: '질문', public: true },
};

/** The same value with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .reverse()
        .map((k) => [k, reversed((value as Record<string, unknown>)[k])]),
    );
  return value;
}

describe('Idempotency-Key format', () => {
  it('accepts 1–255 visible ASCII characters and nothing else', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
    for (const good of ['a', 'x'.repeat(255), '550e8400-e29b-41d4-a716-446655440000', '!~"\\'])
      expect(parseIdempotencyKey(good)).toBe(good);
    for (const bad of ['', ' a', 'a b', 'x'.repeat(256), 'a\u0000', 'a\u007f', '키', ['a', 'b']])
      expect(parseIdempotencyKey(bad)).toBe('invalid');
  });

  it('agrees with the definition for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (s) => {
        const visible = s.length >= 1 && s.length <= 255 && [...s].every((c) => c >= '!' && c <= '~');
        expect(parseIdempotencyKey(s)).toBe(visible ? s : 'invalid');
      }),
    );
  });
});

describe('request fingerprint', () => {
  it('is the same for the same JSON value whatever the key order, and round-trips', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reversed(value))).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
        expect(requestFingerprint({ ...base, body: reversed(value) })).toBe(
          requestFingerprint({ ...base, body: value }),
        );
      }),
    );
  });

  it('changes with the method, route, params, query or body', () => {
    const fp = requestFingerprint(base);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    for (const other of [
      { ...base, method: 'PUT' },
      { ...base, route: '/api/v1/youth/suggestions' },
      { ...base, params: { id: 'b' } },
      { ...base, query: { draft: 'true' } },
      { ...base, body: { body: '질문', public: false } },
      { ...base, body: { body: '질문 ', public: true } },
      { ...base, body: undefined },
    ])
      expect(requestFingerprint(other)).not.toBe(fp);
    // Raw text bodies are hashed as sent.
    expect(requestFingerprint({ ...base, body: 'a' })).not.toBe(requestFingerprint({ ...base, body: 'b' }));
  });
});
