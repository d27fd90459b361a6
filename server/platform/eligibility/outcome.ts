// What every eligibility rule answers, in every module (youth policies, bookings, calls): pass, fail,
// or unknown when the person did not give the fact — unknown never excludes anyone. Each answer
// carries a plain explanation in Korean and English ending in ✓, ✗ or "확인 필요 / please check".

export type RuleResult = 'pass' | 'fail' | 'unknown';

export interface RuleOutcome<Name extends string = string> {
  rule: Name;
  result: RuleResult;
  explanation: { ko: string; en: string };
}

export interface Label {
  ko: string;
  en: string;
}

export const pass = <N extends string>(rule: N, ko: string, en: string): RuleOutcome<N> => ({
  rule,
  result: 'pass',
  explanation: { ko: `${ko} ✓`, en: `${en} ✓` },
});
export const fail = <N extends string>(rule: N, ko: string, en: string): RuleOutcome<N> => ({
  rule,
  result: 'fail',
  explanation: { ko: `${ko} ✗`, en: `${en} ✗` },
});
export const unknown = <N extends string>(rule: N, ko: string, en: string): RuleOutcome<N> => ({
  rule,
  result: 'unknown',
  explanation: { ko: `${ko} — 확인 필요`, en: `${en} — please check` },
});
