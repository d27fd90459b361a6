import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cataloguesOnDemand } from './catalogues.ts';
import { ko } from './ko.ts';

// Korean first, English complete. The choice is remembered in this browser; <html lang> follows it.
// A first visit follows the browser's language when it is Korean or English.
export const LANGUAGE_KEY = 'hamkke.language';
export type Language = 'ko' | 'en';

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return value === 'ko' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/**
 * The browser's own preference (what it sends as Accept-Language), for a first visit: the first of
 * its languages that is Korean or English, the same rule the server applies to API answers.
 */
export function browserLanguage(): Language | null {
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of tags) {
    const lower = (tag ?? '').toLowerCase();
    if (lower.startsWith('ko')) return 'ko';
    if (lower.startsWith('en')) return 'en';
  }
  return null;
}

// A choice made in this browser wins; then (App.tsx) the one saved on the account; then the browser's.
// English comes on demand (catalogues.ts): i18nReady settles once the first language's words are in.
export const i18nReady = i18n
  .use(cataloguesOnDemand)
  .use(initReactI18next)
  .init({
    resources: { ko: { translation: ko } },
    partialBundledLanguages: true,
    lng: storedLanguage() ?? browserLanguage() ?? 'ko',
    fallbackLng: 'ko',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export default i18n;
