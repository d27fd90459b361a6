// Quiet hours are kept in Korean time (Asia/Seoul, UTC+9 all year: Korea keeps no daylight saving).
const SEOUL_OFFSET_MINUTES = 9 * 60;
const DAY = 24 * 60;

export interface QuietHours {
  enabled: boolean;
  /** 'HH:MM' (seconds, if any, are ignored). */
  start: string;
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: true, start: '22:00', end: '08:00' };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * When `now` falls inside the quiet hours, the moment they end; otherwise null. The span is
 * [start, end), and wraps past midnight when start is later than end (22:00–08:00).
 */
export function quietUntil(q: QuietHours, now: Date): Date | null {
  if (!q.enabled) return null;
  const start = minutesOf(q.start);
  const end = minutesOf(q.end);
  if (start === end) return null;
  const minuteStart = Math.floor(now.getTime() / 60_000);
  const local = (((minuteStart + SEOUL_OFFSET_MINUTES) % DAY) + DAY) % DAY;
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return null;
  const untilEnd = (end - local + DAY) % DAY;
  return new Date((minuteStart + untilEnd) * 60_000);
}
