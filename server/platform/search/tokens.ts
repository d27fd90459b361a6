import { getChoseong } from 'es-hangul';

// Korean-aware tokens without a stemmer. Hangul runs become their syllable bigrams (plus the run
// itself), so '창업' matches inside '청년창업지원'; other words stay whole. Documents and queries
// go through the same steps, so they always meet on the same lexemes.
const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CHOSEONG_ONLY = /^[\u3131-\u314e]+$/; // compatibility jamo ㄱ…ㅎ

export const normalize = (text: string) => text.normalize('NFC').toLowerCase();

/** Splits text into words, and each word into runs of Hangul syllables and of anything else. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of normalize(text).match(WORD) ?? []) {
    out.push(...(w.match(/[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g) ?? []));
  }
  return out;
}

export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return [run];
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

const isHangul = (w: string) => HANGUL_SYLLABLE.test(w);

/** The text handed to to_tsvector('simple', …) for a document field. */
export function documentText(text: string): string {
  const out: string[] = [];
  let prev = '';
  for (const w of words(text)) {
    if (isHangul(w)) {
      out.push(w);
      if (w.length > 2) out.push(...bigrams(w));
      // People often leave out spaces: '청년창업' should still find '청년 창업'.
      if (prev) out.push(prev.at(-1)! + w[0]);
      prev = w;
    } else {
      out.push(w);
      prev = '';
    }
  }
  return out.join(' ');
}

/**
 * The to_tsquery('simple', …) text for a search: every bigram of every word must be present; a
 * single syllable matches as a prefix. Null when the query holds no word at all.
 */
export function queryText(q: string): string | null {
  const terms = new Set<string>();
  for (const w of words(q)) {
    if (isHangul(w)) {
      if (w.length === 1) terms.add(`${w}:*`);
      else for (const b of bigrams(w)) terms.add(b);
    } else terms.add(w);
  }
  return terms.size > 0 ? [...terms].join(' & ') : null;
}

/** Initial consonants of a title, without spaces: '청년 창업 지원' → 'ㅊㄴㅊㅇㅈㅇ'. */
export const initialsOf = (title: string) => getChoseong(normalize(title)).replace(/\s+/g, '');

/** A query made only of initial consonants ('ㅊㅇ'), spaces ignored; otherwise null. */
export function choseongQuery(q: string): string | null {
  const compact = normalize(q).replace(/\s+/g, '');
  return CHOSEONG_ONLY.test(compact) ? compact : null;
}
