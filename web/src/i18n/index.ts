import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cataloguesOnDemand } from './catalogues.ts';
import { ko } from './ko.ts';

// Korean first, English complete. The choice is remembered in this browser; <html lang> follows it.
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

// English comes on demand (catalogues.ts): i18nReady settles once the first language's words are in.
export const i18nReady = i18n
  .use(cataloguesOnDemand)
  .use(initReactI18next)
  .init({
    resources: { ko: { translation: ko } },
    partialBundledLanguages: true,
    lng: storedLanguage() ?? 'ko',
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
