import i18n from '../i18n/index.ts';

// Numbers and dates in the page language; times shown in Seoul time like the district's documents.
// Formatters are made once per language and kept: making one costs far more than using it, and a
// table or list formats hundreds of figures on a phone.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  const made = `${i18n.language}|${key}`;
  const kept = formatters.get(made) as T | undefined;
  if (kept) return kept;
  const f = make();
  formatters.set(made, f);
  return f;
}

export function formatNumber(value: number): string {
  // Whole numbers are grouped by hand (Korean and English both write 1,234,567): the first
  // Intl.NumberFormat a page makes loads locale data, a long pause on a cheap phone.
  if (Number.isSafeInteger(value)) {
    const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
    return value < 0 ? `-${digits}` : digits;
  }
  return formatter('number', () => new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ko-KR')).format(
    value,
  );
}

export function formatSigned(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

export function formatDateTime(iso: string): string {
  return formatter(
    'dateTime',
    () =>
      new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ko-KR', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Seoul',
      }),
  ).format(new Date(iso));
}

/** A calendar date ('YYYY-MM-DD') in the page language, without shifting it through a time zone. */
export function formatDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return formatter(
    'date',
    () =>
      new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ko-KR', {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }),
  ).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Pick the Korean or English variant of a bilingual record. */
export function pick(ko: string | undefined | null, en: string | undefined | null): string {
  return (i18n.language === 'en' ? en || ko : ko || en) ?? '';
}

/** A short figure for chart axes: 1.2억, 3,400만 in Korean; 120M, 34K in English. */
export function formatCompact(value: number): string {
  return formatter(
    'compact',
    () =>
      new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ko-KR', {
        notation: 'compact',
        maximumFractionDigits: 1,
        useGrouping: 'always',
      }),
  ).format(value);
}
