import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/helpers/database.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { queryRows } from '../../../../platform/db/connect.ts';
import { similarity, trigramSet, wordSimilarity } from './trigrams.ts';

// The in-process trigrams must be pg_trgm's, value for value: the typo search ranks by them.
describe.each(engines)('pg_trgm in process, against %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  // Hangul (syllables and jamo), Latin letters in both cases, digits, and separators.
  const char = fc.oneof(
    fc.constantFrom(...'청년창업지원주거월세영등포공간사관학교활동ㅊㅇㄴ'),
    fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c)),
    fc.constantFrom(...'aAbBiItTzZ09 -·,.()!'),
  );
  const text = fc.array(char, { maxLength: 24 }).map((cs) => cs.join(''));
  // Unrelated texts, and a query inside a longer text with a character changed (a typo).
  const pair = fc.oneof(
    fc.tuple(text, text),
    fc.tuple(text, text, text, fc.nat(), char).map(([q, x, y, at, c]): [string, string] => {
      const chars = Array.from(q);
      if (chars.length > 0) chars[at % chars.length] = c;
      return [chars.join(''), `${x} ${q}${y}`];
    }),
  );

  it('gives the same similarity and word_similarity as PostgreSQL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { minLength: 1, maxLength: 20 }), async (pairs) => {
        const [row] = await queryRows<{ s: number[]; w: number[] }>(
          database.db,
          sql`select array_agg(similarity(p->>0, p->>1)::float8 order by i) as s,
                     array_agg(word_similarity(p->>0, p->>1)::float8 order by i) as w
                from jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) with ordinality as t(p, i)`,
        );
        expect(pairs.map(([a, b]) => similarity(a, b))).toEqual(row.s.map(Number));
        expect(pairs.map(([a, b]) => wordSimilarity(a, b))).toEqual(row.w.map(Number));
      }),
      { numRuns: 60 },
    );
  });

  it('makes the same trigrams as show_trgm, hashed ones included', async () => {
    const sample = '영등포 청년 창업 공간 지원 ICT 박람회 2025년 ab';
    const [row] = await queryRows<{ t: string[] }>(database.db, sql`select show_trgm(${sample}) as t`);
    const shown = (n: number) => {
      const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
      return bytes.every((b) => b >= 0x20 && b < 0x7f)
        ? String.fromCharCode(...bytes)
        : `0x${n.toString(16).padStart(6, '0')}`;
    };
    expect([...trigramSet(sample)].map(shown).sort()).toEqual([...row.t].sort());
  });
});
