import { romanize } from 'es-hangul';
import type { Locale } from './locale.ts';

// A person's name as staff reading in English can use: the Korean name romanized (Revised
// Romanization, syllable by syllable as names usually are, family name first) with the Hangul kept
// beside it, so they can both read it and match it to Korean records. Korean readers get it as is.
const HANGUL = /[\uac00-\ud7a3]/;
const TWO_SYLLABLE_SURNAMES = new Set([
  '남궁',
  '제갈',
  '선우',
  '황보',
  '독고',
  '사공',
  '서문',
  '동방',
  '어금',
  '망절',
]);

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const romanizeSyllables = (text: string) =>
  Array.from(text, (ch) => (HANGUL.test(ch) ? romanize(ch) : ch)).join('');

/** 홍길동 → Hong Gildong; 남궁민수 → Namgung Minsu; 시스템 관리자 → Siseutem Gwallija; 한*원 → Han*won. */
export function romanizeName(name: string): string {
  const chars = Array.from(name.trim());
  const onlyName = chars.length >= 2 && chars.length <= 5 && chars.every((c) => HANGUL.test(c) || c === '*');
  if (onlyName && HANGUL.test(chars[0])) {
    const surname = TWO_SYLLABLE_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    const family = romanizeSyllables(chars.slice(0, surname).join(''));
    const given = romanizeSyllables(chars.slice(surname).join(''));
    return `${capitalize(family)} ${capitalize(given)}`;
  }
  return name
    .trim()
    .split(/\s+/)
    .map((word) => capitalize(HANGUL.test(word) ? romanize(word) : word))
    .join(' ');
}

/** The name for a reader of the locale: in English, a Korean name is romanized with the Hangul after it. */
export function nameForLocale(name: string, locale: Locale): string {
  if (locale === 'ko' || !HANGUL.test(name)) return name;
  return `${romanizeName(name)} (${name})`;
}
