import i18n from '../i18n/index.ts';

// Numbers and dates in the page language; times shown in Seoul time like the district's documents.
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ko-KR').format(value);
}

export function formatSigned(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ko-KR', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Seoul',
  }).format(new Date(iso));
}

/** Pick the Korean or English variant of a bilingual record. */
export function pick(ko: string | undefined | null, en: string | undefined | null): string {
  return (i18n.language === 'en' ? en || ko : ko || en) ?? '';
}

/** A short figure for chart axes: 1.2억, 3,400만 in Korean; 120M, 34K in English. */
export function formatCompact(value: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'ko-KR', {
    notation: 'compact',
    maximumFractionDigits: 1,
    useGrouping: 'always',
  }).format(value);
}
