// English names for the Korean names of public holidays (the table and the law name them in Korean).
import type { Locale } from '../i18n/locale.ts';

const ENGLISH: Record<string, string> = {
  '1월 1일': "New Year's Day",
  '설날 전날': 'Day before Seollal',
  설날: 'Seollal',
  '설날 다음 날': 'Day after Seollal',
  '3ㆍ1절': 'Independence Movement Day',
  노동절: 'Labour Day',
  어린이날: "Children's Day",
  '부처님 오신 날': "Buddha's Birthday",
  현충일: 'Memorial Day',
  제헌절: 'Constitution Day',
  광복절: 'National Liberation Day',
  '추석 전날': 'Day before Chuseok',
  추석: 'Chuseok',
  '추석 다음 날': 'Day after Chuseok',
  개천절: 'National Foundation Day',
  한글날: 'Hangeul Day',
  기독탄신일: 'Christmas Day',
  임시공휴일: 'Temporary public holiday',
  대통령선거: 'Presidential election day',
  전국동시지방선거: 'Local elections day',
};

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** The table writes '제22대국회의원선거' and '제21대 국회의원선거': one spelling for display. */
export const normalizeKoreanHolidayName = (name: string): string => name.replace(/^제(\d+)대\s*/, '제$1대 ');

/** The English name, or undefined for a name we have not translated (a test checks the whole table). */
export function englishHolidayName(korean: string): string | undefined {
  const name = normalizeKoreanHolidayName(korean);
  if (ENGLISH[name]) return ENGLISH[name];
  const substitute = /^대체공휴일\((.+)\)$/.exec(name);
  if (substitute) {
    const of = englishHolidayName(substitute[1]);
    return of && `Substitute holiday (${of})`;
  }
  const temporary = /^임시공휴일\((.+)\)$/.exec(name);
  if (temporary) {
    const of = englishHolidayName(temporary[1]);
    return of && `Temporary public holiday (${of})`;
  }
  const numbered = /^제(\d+)대 (국회의원선거|대통령선거)$/.exec(name);
  if (numbered) {
    const what = numbered[2] === '대통령선거' ? 'Presidential' : 'National Assembly';
    return `${ordinal(Number(numbered[1]))} ${what} election day`;
  }
  return undefined;
}

/** A holiday's name in the locale; an untranslated name stays in Korean rather than vanish. */
export const localHolidayName = (korean: string, locale: Locale): string =>
  locale === 'ko' ? normalizeKoreanHolidayName(korean) : (englishHolidayName(korean) ?? korean);
