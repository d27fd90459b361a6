// Copy of the personal calendar feed, in Korean (합니다체) and English.
export const messages: Record<string, { ko: string; en: string }> = {
  'calendar.feed_name': { ko: '함께 — 내 일정', en: 'Hamkke — my calendar' },
};
