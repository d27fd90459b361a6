import i18n from '../../i18n/index.ts';

/** A calendar date ('YYYY-MM-DD') in the page language, without shifting it through a time zone. */
export function formatDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ko-KR', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
