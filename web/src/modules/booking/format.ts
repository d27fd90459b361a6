// Times on the booking pages, always in Korean time whatever the browser's zone.
const SEOUL = 'Asia/Seoul';

export const timeOf = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ko-KR', {
    timeZone: SEOUL,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));

export const dayOf = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ko-KR', {
    timeZone: SEOUL,
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(iso));

/** 'YYYY-MM-DD' of today in Korea. */
export const todayInSeoul = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: SEOUL,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** The date `days` later. */
export const shiftDate = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const dayLabel = (date: string, locale: string) => dayOf(`${date}T12:00:00+09:00`, locale);
