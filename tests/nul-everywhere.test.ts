import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youthPolicyRecords } from './fixtures/youth-policies.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { engines } from './helpers/engines.ts';
import { signedInAs } from './helpers/users.ts';

// Walks the OpenAPI document and sends NUL in every string parameter and body field, as a signed-in
// admin and staff member: PostgreSQL cannot store NUL, and no such request may end in a 5xx.

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Parameter {
  in: 'query' | 'path' | 'header';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
/** Plausible values for fields whose rule the document cannot show (refinements). */
const BY_NAME: Record<string, string> = {
  birthDate: '2000-01-01',
  on: '2025-03-01',
  regionCode: '11000',
  mobileNumber: '010-1234-5678',
  email: 'nul-test@example.com',
};
/** Candidates tried against a pattern. */
const CANDIDATES = [
  '11000',
  '0013001',
  '0049001',
  '0011001',
  '0014001',
  '123456',
  '12:00',
  '1',
  'abcdefghijklmnop',
];

const nul = (s: Schema) => `a\u0000b${'c'.repeat(Math.max(0, (s.minLength ?? 0) - 3))}`;
const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type);

function sampleString(s: Schema, name = ''): string {
  if (s.format === 'uuid') return ZERO_UUID;
  if (s.format === 'email') return BY_NAME.email;
  if (s.format === 'date') return '2025-03-01';
  if (s.format === 'uri') return 'https://example.com/x';
  if (s.pattern) return CANDIDATES.find((c) => new RegExp(s.pattern!, 'u').test(c)) ?? 'x';
  return BY_NAME[name] ?? 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** A minimal value the schema accepts (as far as the document tells). */
function sample(s: Schema, name = ''): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return sample(alternatives[0], name);
  switch (typeOf(s)) {
    case 'string':
      return sampleString(s, name);
    case 'number':
    case 'integer':
      return s.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties![k], k)]));
    default:
      return typeOf(s) === 'null' ? null : {};
  }
}

/** Values of the schema with NUL in exactly one string somewhere, the rest sampled. */
function withNul(s: Schema): unknown[] {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.flatMap(withNul);
  switch (typeOf(s)) {
    case 'string':
      return [nul(s)];
    case 'array':
      return s.items ? withNul(s.items).map((v) => [v]) : [];
    case 'object': {
      const base = sample(s) as Record<string, unknown>;
      return Object.entries(s.properties ?? {}).flatMap(([k, p]) =>
        withNul(p).map((v) => ({ ...base, [k]: v })),
      );
    }
    default:
      return [];
  }
}

describe.each(engines)('NUL in every string the API takes, on %s', (engine) => {
  let t: TestApp;
  let headers: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine);
    const { client } = await signedInAs(t, ['admin', 'staff', 'youth'], { lang: 'en' });
    headers = {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.csrfToken!,
      'accept-language': 'en',
    };
    // Real rows behind the ids, so that requests reach the queries and not only "not found".
    const policy = await client.post('/api/v1/youth/policies', { title: 'NUL 시험 정책' });
    ids.policy = policy.json().id;
    for (const to of ['review', 'published'])
      expect((await client.post(`/api/v1/youth/policies/${ids.policy}/transition`, { to })).statusCode).toBe(
        200,
      );
    const question = await client.post(`/api/v1/youth/policies/${ids.policy}/questions`, {
      body: '신청 기간이 언제입니까?',
      public: true,
    });
    ids.question = question.json().id;
    const suggestion = await client.post('/api/v1/youth/suggestions', { title: '제안', body: '제안합니다' });
    ids.suggestion = suggestion.json().id;
    expect([ids.policy, ids.question, ids.suggestion].every(Boolean)).toBe(true);
  }, 120_000);
  afterAll(() => t?.close());

  const idFor = (path: string) =>
    path.includes('/questions/{id}')
      ? ids.question
      : path.includes('/suggestions/{id}')
        ? ids.suggestion
        : path.includes('/policies/{id}')
          ? ids.policy
          : ZERO_UUID;

  it('answers every operation with NUL in any string without a 5xx', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: string[] = [];
    const refusedByContract: string[] = [];
    let sent = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const params = op.parameters ?? [];
        const bodySchema = op.requestBody?.content['application/json']?.schema;
        const pathValue = (p: Parameter) =>
          p.name === 'id' ? idFor(path) : String(sample(p.schema, p.name));
        const url = (override?: Parameter) => {
          let u = path;
          const query = new URLSearchParams();
          for (const p of params) {
            const value = p === override ? nul(p.schema) : p.in === 'path' ? pathValue(p) : undefined;
            if (p.in === 'path') u = u.replace(`{${p.name}}`, encodeURIComponent(value!));
            else if (p === override) query.set(p.name, value!);
            else if (p.required) query.set(p.name, String(sample(p.schema, p.name)));
          }
          const qs = query.toString();
          return qs ? `${u}?${qs}` : u;
        };
        const cases: Array<{ where: string; url: string; body?: unknown }> = [];
        const baseBody = bodySchema ? sample(bodySchema) : undefined;
        // Header parameters (Idempotency-Key) cannot carry NUL over HTTP: Node refuses to send or parse it.
        for (const p of params)
          if (typeOf(p.schema) === 'string' && p.in !== 'header')
            cases.push({ where: `${p.in}.${p.name}`, url: url(p), body: baseBody });
        if (bodySchema)
          for (const body of withNul(bodySchema))
            cases.push({ where: `body ${JSON.stringify(body)}`, url: url(), body });
        for (const c of cases) {
          sent++;
          const res = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url: c.url,
            headers: c.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
            payload: c.body === undefined ? undefined : JSON.stringify(c.body),
          });
          const line = `${method.toUpperCase()} ${path} ${c.where} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500 || res.body.includes('"unauthenticated"') || res.body.includes('"csrf"'))
            failures.push(line);
          if (res.body.includes('"text_chars"')) refusedByContract.push(line);
        }
      }
    }
    console.log(JSON.stringify({ engine, nulRequests: sent, refusedByTextSchema: refusedByContract.length }));
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(150);
    // The shared text schema is what refuses them: the search, the catalogue and question bodies among them.
    for (const where of ['GET /api/v1/search query.q', 'POST /api/v1/youth/policies/{id}/questions body'])
      expect(refusedByContract.some((l) => l.startsWith(where))).toBe(true);
  }, 600_000);

  it('names the field in Korean and English', async () => {
    for (const [lang, words] of [
      ['ko', '제어 문자'],
      ['en', 'control characters'],
    ] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/search?q=a%00b',
        headers: { 'accept-language': lang },
      });
      expect(res.statusCode).toBe(400);
      const detail = res.json().error.details[0];
      expect(detail).toMatchObject({ field: 'querystring.q', code: 'text_chars' });
      expect(detail.message).toContain(words);
    }
    for (const url of ['/api/v1/youth/policies?q=a%00b', '/api/v1/social-economy/enterprises?q=a%00b'])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(400);
  });

  it('imports national records with NUL in their text without a 5xx', async () => {
    const record = youthPolicyRecords()[0];
    const poisoned = Object.fromEntries(
      Object.entries(record).map(([k, v]) => [
        k,
        typeof v === 'string' && v && !/Ymd|Dt|No$/.test(k) ? `${v}\u0000` : v,
      ]),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/youth/policies/import',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify([poisoned]),
    });
    expect(res.statusCode, res.body).toBeLessThan(500);
  });
});
