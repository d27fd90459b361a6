import { normalize } from '../../../../platform/search/tokens.ts';
import { SYNONYM_WORDS } from './synonyms.ts';

// The list's typo fallback: when a query's words match nothing, the words the catalogue does not
// know are corrected to ones it does, and the list shows what the corrected query finds (with it
// as a "did you mean"). Korean typos are one wrong 자모 far more often than one wrong syllable
// (월쇄 for 월세, 취엄 for 취업, 전새대출 for 전세대출), and pg_trgm, which compares whole
// syllables, cannot see them: a word here is corrected one initial, vowel or final consonant at a
// time, or two neighbouring syllables swapped, and every pair of syllables of the correction must
// be a word of the catalogue. An English word close to one of the synonym table's is corrected to it.

const HANGUL = /[\uac00-\ud7a3]/;
// As the search splits a query (platform/search/tokens.ts words()): runs of letters, marks and
// digits, each cut into runs of Hangul syllables and of anything else.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const RUN = /[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g;

const BASE = 0xac00;
const FINALS = 28;
const VOWELS = 21;
const INITIALS = 19;

/** The syllables one 자모 away from `syllable`: another initial, vowel or final (or none). */
function neighbours(syllable: string): string[] {
  const code = syllable.charCodeAt(0) - BASE;
  const final = code % FINALS;
  const vowel = Math.floor(code / FINALS) % VOWELS;
  const initial = Math.floor(code / (FINALS * VOWELS));
  const at = (i: number, v: number, f: number) => String.fromCharCode(BASE + (i * VOWELS + v) * FINALS + f);
  const out: string[] = [];
  for (let v = 0; v < VOWELS; v++) if (v !== vowel) out.push(at(initial, v, final));
  for (let f = 0; f < FINALS; f++) if (f !== final) out.push(at(initial, vowel, f));
  for (let i = 0; i < INITIALS; i++) if (i !== initial) out.push(at(i, vowel, final));
  return out;
}

/** At most this many corrections of one word are weighed. */
const MAX_OPTIONS = 32;

/**
 * Corrections of a Hangul word with one change whose every pair of syllables is `known`. Only a
 * place next to every pair the catalogue does not know can mend it, so only those are tried: a few
 * hundred look-ups at most. (Two changes would cost tens of thousands, and a word that far off is
 * left to the pg_trgm fallback.)
 */
function hangulOptions(word: string, known: (pair: string) => boolean): string[] {
  const chars = Array.from(word);
  const last = chars.length - 1;
  const unknown: number[] = []; // pair k is chars[k] + chars[k + 1]
  for (let k = 0; k < last; k++) if (!known(chars[k] + chars[k + 1])) unknown.push(k);
  const found = new Set<string>();
  // Does changing the places in `at` touch every unknown pair?
  const mends = (...at: number[]) => unknown.every((k) => at.some((i) => i === k || i === k + 1));
  const fitsLeft = (w: string[], i: number) => i === 0 || known(w[i - 1] + w[i]);
  const fitsRight = (w: string[], i: number) => i === last || known(w[i] + w[i + 1]);
  for (let i = 0; i <= last; i++) {
    if (!mends(i)) continue;
    const w = [...chars];
    for (const c of neighbours(chars[i])) {
      w[i] = c;
      if (fitsLeft(w, i) && fitsRight(w, i) && found.size < MAX_OPTIONS) found.add(w.join(''));
    }
  }
  // Two neighbouring syllables typed the other way round.
  for (let i = 0; i < last; i++) {
    if (chars[i] === chars[i + 1] || !mends(i, i + 1)) continue;
    const w = [...chars];
    [w[i], w[i + 1]] = [w[i + 1], w[i]];
    if (fitsLeft(w, i) && known(w[i] + w[i + 1]) && fitsRight(w, i + 1) && found.size < MAX_OPTIONS)
      found.add(w.join(''));
  }
  return [...found];
}

/** Optimal string alignment distance (an edit, or two neighbours swapped), stopping above `most`. */
function distance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  const rows = [new Array(b.length + 1).fill(0).map((_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** English words of the synonym table close to `word` (hosuing → housing), closest first. */
function englishOptions(word: string): string[] {
  if (!/^[a-z]{4,}$/.test(word)) return [];
  const most = word.length >= 7 ? 2 : 1;
  return SYNONYM_WORDS.map((w) => [w, distance(word, w, most)] as const)
    .filter(([, d]) => d <= most)
    .sort((a, b) => a[1] - b[1])
    .map(([w]) => w);
}

/** A word of the query the catalogue does not know, and what it may have been, likeliest first. */
export interface Unknown {
  word: string;
  options: string[];
}

/**
 * The query's words that `known` (is it a word of the catalogue?) does not know, each with its
 * possible corrections; null when every word is known, or one cannot be corrected.
 */
export function unknownWords(q: string, known: (term: string) => boolean): Unknown[] | null {
  const out: Unknown[] = [];
  const seen = new Set<string>();
  for (const w of normalize(q).match(WORD) ?? [])
    for (const run of w.match(RUN) ?? []) {
      if (seen.has(run)) continue;
      seen.add(run);
      if (HANGUL.test(run)) {
        const chars = Array.from(run);
        if (chars.length < 2) continue; // one syllable matches as a prefix: nothing to correct
        let whole = true;
        for (let i = 0; i + 1 < chars.length && whole; i++) whole = known(chars[i] + chars[i + 1]);
        if (whole) continue;
        const options = hangulOptions(run, known);
        if (options.length === 0) return null;
        out.push({ word: run, options });
      } else if (!known(run)) {
        const options = englishOptions(run);
        if (options.length === 0) return null;
        out.push({ word: run, options });
      }
    }
  return out.length > 0 ? out : null;
}

/**
 * The corrected query: each unknown word replaced by the option that `matches` (how many policies
 * a word finds on its own) finds most of (the likeliest among equals); null when none finds any.
 */
export function correctedQuery(
  q: string,
  unknown: Unknown[],
  matches: (word: string) => number,
): string | null {
  const choice = new Map<string, string>();
  for (const u of unknown) {
    let best: string | null = null;
    let most = 0;
    for (const o of u.options) {
      const n = matches(o);
      if (n > most) {
        best = o;
        most = n;
      }
    }
    if (best === null) return null;
    choice.set(u.word, best);
  }
  return normalize(q).replace(WORD, (w) => w.replace(RUN, (run) => choice.get(run) ?? run));
}
