// The rules of the law (공휴일에 관한 법률, 관공서의 공휴일에 관한 규정) that need no lunar calendar:
// the fixed-date holidays of a year and the substitute holidays (대체공휴일) that follow from a set of
// holidays. Used beyond the years of the published table, and checked against that table in tests.

import { fromDayNumber, toDayNumber, weekdayOfDayNumber } from './dates.ts';

/** How a holiday falling on a rest day is made up for. */
type Substitution =
  | 'none' // 1월 1일, 현충일, election days, temporary holidays
  | 'weekend-or-overlap' // on Saturday, Sunday or another holiday: the next working day
  | 'sunday-or-overlap-block'; // 설날·추석 (3 days): a day on Sunday or another holiday adds a day after them

interface FixedDate {
  monthDay: string;
  name: string;
  /** First year it is a public holiday (under the rules written here, which start in 2014). */
  from: number;
  /** First date on which it gets a substitute day; absent: never. */
  substituteFrom?: string;
}

// Substitute days: 어린이날 since 2014; 3ㆍ1절, 광복절, 개천절, 한글날 from 광복절 2021 (the 2021 law);
// 부처님 오신 날 and 기독탄신일 from May 2023. 노동절 and 제헌절 are public holidays from 2026 with
// substitute days, as the 2026 and 2027 tables publish them.
const FIXED_DATES: readonly FixedDate[] = [
  { monthDay: '01-01', name: '1월 1일', from: 2014 },
  { monthDay: '03-01', name: '3ㆍ1절', from: 2014, substituteFrom: '2021-08-15' },
  { monthDay: '05-01', name: '노동절', from: 2026, substituteFrom: '2026-01-01' },
  { monthDay: '05-05', name: '어린이날', from: 2014, substituteFrom: '2014-01-01' },
  { monthDay: '06-06', name: '현충일', from: 2014 },
  { monthDay: '07-17', name: '제헌절', from: 2026, substituteFrom: '2026-01-01' },
  { monthDay: '08-15', name: '광복절', from: 2014, substituteFrom: '2021-08-15' },
  { monthDay: '10-03', name: '개천절', from: 2014, substituteFrom: '2021-08-15' },
  { monthDay: '10-09', name: '한글날', from: 2014, substituteFrom: '2021-08-15' },
  { monthDay: '12-25', name: '기독탄신일', from: 2014, substituteFrom: '2023-05-04' },
];

export const FIRST_RULE_YEAR = 2014;

const LUNAR_BLOCKS: Record<string, string> = {
  '설날 전날': '설날',
  설날: '설날',
  '설날 다음 날': '설날',
  '추석 전날': '추석',
  추석: '추석',
  '추석 다음 날': '추석',
};
const BUDDHAS_BIRTHDAY = '부처님 오신 날';
const BUDDHA_SUBSTITUTE_FROM = '2023-05-04';

export const isLunarHolidayName = (name: string) => name in LUNAR_BLOCKS || name === BUDDHAS_BIRTHDAY;
export const isFixedDateHolidayName = (name: string) => FIXED_DATES.some((f) => f.name === name);
export const isSubstituteHolidayName = (name: string) => name.startsWith('대체공휴일(');

export interface NamedDay {
  date: string;
  name: string;
}

/** The fixed-date public holidays of the year (no substitutes). */
export function fixedDateHolidays(year: number): NamedDay[] {
  if (year < FIRST_RULE_YEAR) throw new RangeError(`holiday rules are written from ${FIRST_RULE_YEAR} on`);
  const yyyy = String(year).padStart(4, '0');
  return FIXED_DATES.filter((f) => year >= f.from).map((f) => ({
    date: `${yyyy}-${f.monthDay}`,
    name: f.name,
  }));
}

function substitutionOf(day: NamedDay): Substitution {
  if (LUNAR_BLOCKS[day.name]) return 'sunday-or-overlap-block';
  const from =
    day.name === BUDDHAS_BIRTHDAY
      ? BUDDHA_SUBSTITUTE_FROM
      : FIXED_DATES.find((f) => f.name === day.name)?.substituteFrom;
  return from && day.date >= from ? 'weekend-or-overlap' : 'none';
}

/**
 * The substitute days owed by these holidays (every holiday of the year except substitutes).
 * A date loses one day for each holiday on it beyond the first, and one more when it is a rest day
 * for a holiday that counts it (Saturday or Sunday; only Sunday for 설날·추석). Each lost day becomes
 * the first weekday after it (after the whole 설날·추석 block) that is neither a holiday nor already
 * a substitute: so 어린이날 and 부처님 오신 날 on one Monday (2025) give one day, not two.
 */
export function substituteHolidays(holidays: readonly NamedDay[]): NamedDay[] {
  const byDay = new Map<number, NamedDay[]>();
  for (const h of holidays) {
    const n = toDayNumber(h.date);
    byDay.set(n, [...(byDay.get(n) ?? []), h]);
  }
  const blockEnd = new Map<string, number>(); // '설날|2027' → its last day
  for (const h of holidays) {
    const block = LUNAR_BLOCKS[h.name];
    if (!block) continue;
    const key = `${block}|${h.date.slice(0, 4)}`;
    blockEnd.set(key, Math.max(blockEnd.get(key) ?? 0, toDayNumber(h.date)));
  }
  const taken = new Set(byDay.keys());
  const made: NamedDay[] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const here = byDay.get(day)!;
    const owed = here.filter((h) => substitutionOf(h) !== 'none');
    if (owed.length === 0) continue;
    const weekday = weekdayOfDayNumber(day);
    const restDay = owed.some((h) =>
      substitutionOf(h) === 'weekend-or-overlap' ? weekday === 0 || weekday === 6 : weekday === 0,
    );
    let lost = here.length - 1 + (restDay ? 1 : 0);
    if (lost === 0) continue;
    const owner = owed[owed.length - 1];
    const block = LUNAR_BLOCKS[owner.name] ?? owed.map((h) => LUNAR_BLOCKS[h.name]).find(Boolean);
    let next = block ? blockEnd.get(`${block}|${owner.date.slice(0, 4)}`)! : day;
    const name = `대체공휴일(${block ?? owner.name})`;
    while (lost > 0) {
      next++;
      const w = weekdayOfDayNumber(next);
      if (w === 0 || w === 6 || taken.has(next)) continue;
      taken.add(next);
      made.push({ date: fromDayNumber(next), name });
      lost--;
    }
  }
  return made;
}
