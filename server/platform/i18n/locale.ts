export type Locale = 'ko' | 'en';
export const LOCALES: readonly Locale[] = ['ko', 'en'];

function fromHeader(acceptLanguage: string | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ko')) return 'ko';
    if (tag.startsWith('en')) return 'en';
  }
  return null;
}

/**
 * The language of a response: the request's Accept-Language when it names Korean or English (the
 * web app always sends the language on screen), else the person's saved setting, else Korean.
 */
export function pickLocale(acceptLanguage: string | undefined, userLocale?: string | null): Locale {
  const asked = fromHeader(acceptLanguage);
  if (asked) return asked;
  if (userLocale === 'ko' || userLocale === 'en') return userLocale;
  return 'ko';
}
