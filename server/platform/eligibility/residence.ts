import { type SQL, sql } from 'drizzle-orm';
import { fail, type Label, pass, type RuleOutcome, unknown } from './outcome.ts';

// Residence: the person's area code (시군구, 5 digits) among the allowed ones; an empty list
// allows anywhere. The caller names areas for people (codes are never shown).

const clean = (codes: readonly string[] | null | undefined): string[] =>
  (codes ?? []).map((c) => c.trim()).filter((c) => c !== '');

export const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** A short name for a list of areas: up to three by name, else the person's own (or the first) and a count. */
export function areasSummary(
  codes: readonly string[],
  mine: string | undefined,
  nameOf: (code: string) => Label,
): Label {
  if (codes.length <= 3) {
    const names = codes.map(nameOf);
    return { ko: names.map((n) => n.ko).join(', '), en: names.map((n) => n.en).join(', ') };
  }
  const first = nameOf(mine && codes.includes(mine) ? mine : codes[0]);
  return { ko: `${first.ko} 등 ${codes.length}곳`, en: `${codes.length} areas including ${first.en}` };
}

export function residenceRule<N extends string = 'region'>(
  allowed: readonly string[] | null | undefined,
  area: string | null | undefined,
  nameOf: (code: string) => Label,
  rule: N = 'region' as N,
): RuleOutcome<N> {
  const codes = clean(allowed);
  if (codes.length === 0) return pass(rule, '지역 제한 없음', 'No residence requirement');
  const mine = area?.trim();
  if (mine && codes.includes(mine)) {
    const place = nameOf(mine);
    return pass(rule, `${place.ko} 거주`, `Lives in ${place.en}`);
  }
  const areas = areasSummary(codes, mine, nameOf);
  if (!mine) return unknown(rule, `${areas.ko} 거주자 대상`, `For residents of ${areas.en}`);
  const place = nameOf(mine);
  return fail(
    rule,
    `${areas.ko} 거주자 대상 — ${place.ko} 해당 없음`,
    `For residents of ${areas.en} — not ${place.en}`,
  );
}

/** The rows whose area (a text column; null = unknown, which fits unless `nullable: false`) is allowed. */
export function residenceSql(
  allowed: readonly string[] | null | undefined,
  area: SQL,
  { nullable = true } = {},
): SQL | null {
  const codes = clean(allowed);
  if (codes.length === 0) return null;
  const among = sql`${area} = any(${textArray(codes)})`;
  return nullable ? sql`(${area} is null or ${among})` : among;
}
