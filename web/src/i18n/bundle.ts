import { englishWaiting } from './catalogues.ts';
import i18n from './index.ts';

/**
 * Adds a page area's own copy under one top-level key, so lazily loaded pages bring their
 * words with them and ko.ts/en.ts stay the shell's. English must have the same keys as Korean.
 * Until the English catalogue has loaded, the area's English waits beside it (catalogues.ts).
 */
export function addMessages<T extends Record<string, unknown>>(namespace: string, ko: T, en: T): void {
  i18n.addResourceBundle('ko', 'translation', { [namespace]: ko }, true, true);
  if (i18n.hasResourceBundle('en', 'translation'))
    i18n.addResourceBundle('en', 'translation', { [namespace]: en }, true, true);
  else englishWaiting[namespace] = en;
}
