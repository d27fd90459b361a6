import type { TargetComparison, TargetPer, TargetUnit } from './tables.ts';

// Reads a measurable target from the way the district's reports write it, e.g.
// "통합 사업설명회 개최: 연 2회 이상" → 2 times a year, at least.
export interface ParsedTarget {
  descriptionKo: string;
  targetCount: number;
  unit: TargetUnit;
  per: TargetPer;
  comparison: TargetComparison;
}

const UNIT_WORDS: Array<[RegExp, TargetUnit]> = [
  [/^회/, 'times'],
  [/^명/, 'members'],
  [/^개\s*기업/, 'enterprises'],
  [/^개\s*부서/, 'departments'],
  [/^개\s*(사업|과제)/, 'projects'],
];

/**
 * Parses "<what>: <amount>" or "<what>(<amount>)". A bare "N개" takes `bareUnit`; an amount that
 * names no period ("6회 이상") takes `defaultPer`. Returns null when the text holds no count.
 */
export function parseTargetText(
  text: string,
  opts: { bareUnit?: TargetUnit; defaultPer?: TargetPer } = {},
): ParsedTarget | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  let description: string;
  let amount: string;
  const paren = clean.match(/^(.*?)\s*\(([^()]*\d[^()]*)\)\s*$/);
  const colon = clean.lastIndexOf(':');
  if (colon > 0) {
    description = clean.slice(0, colon).trim();
    amount = clean.slice(colon + 1).trim();
  } else if (paren) {
    description = paren[1].trim();
    amount = paren[2].trim();
  } else {
    return null;
  }
  const m = amount.match(/^(연|분기|월)?\s*(\d+)\s*(.*)$/);
  if (!m) return null;
  const [, period, digits, rest] = m;
  const per: TargetPer =
    period === '연' ? 'year' : period === '분기' ? 'quarter' : (opts.defaultPer ?? 'year');
  if (period === '월') return null; // monthly targets do not occur in the plan; refuse rather than misread
  let unit: TargetUnit | undefined;
  for (const [re, u] of UNIT_WORDS) if (re.test(rest)) unit = u;
  if (!unit && /^개/.test(rest)) unit = opts.bareUnit ?? 'items';
  if (!unit) return null;
  const comparison: TargetComparison = /이상/.test(rest)
    ? 'at_least'
    : /이내|이하/.test(rest)
      ? 'at_most'
      : 'exactly';
  return { descriptionKo: description, targetCount: Number(digits), unit, per, comparison };
}
