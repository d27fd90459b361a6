// pg_trgm's similarity() and word_similarity() computed in process, as the extension computes them
// on our databases (UTF-8, C.UTF-8 ctype, default thresholds), so that the in-process catalogue
// finds and ranks typos exactly as `title % q or q <% title` does in SQL. trigrams.test.ts checks
// every value against PostgreSQL itself.
//
// The extension's steps: split the text into words (runs of letters and digits), lower-case each,
// pad it with two spaces before and one after, and take every three consecutive characters. A
// trigram of three ASCII characters is kept as its bytes; any other is reduced to three bytes of
// PostgreSQL's "legacy" CRC-32 of its UTF-8 bytes. Here a trigram is those three bytes as one
// 24-bit number, so two trigrams are equal exactly when the extension's are.

/** The `%` and `<%` thresholds: the extension's defaults, 0.3f and 0.6f as double. */
export const SIMILARITY_THRESHOLD = Math.fround(0.3);
export const WORD_SIMILARITY_THRESHOLD = Math.fround(0.6);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

// pg_crc.h's legacy CRC-32 steps the reflected table most significant byte first.
const crcByte = (crc: number, b: number) => (CRC_TABLE[((crc >>> 24) ^ b) & 0xff] ^ (crc << 8)) >>> 0;

function crcCodePoint(crc: number, cp: number): number {
  if (cp < 0x80) return crcByte(crc, cp);
  if (cp < 0x800) return crcByte(crcByte(crc, 0xc0 | (cp >> 6)), 0x80 | (cp & 0x3f));
  if (cp < 0x10000)
    return crcByte(crcByte(crcByte(crc, 0xe0 | (cp >> 12)), 0x80 | ((cp >> 6) & 0x3f)), 0x80 | (cp & 0x3f));
  return crcByte(
    crcByte(crcByte(crcByte(crc, 0xf0 | (cp >> 18)), 0x80 | ((cp >> 12) & 0x3f)), 0x80 | ((cp >> 6) & 0x3f)),
    0x80 | (cp & 0x3f),
  );
}

function trigramOf(a: number, b: number, c: number): number {
  if (a < 0x80 && b < 0x80 && c < 0x80) return (a << 16) | (b << 8) | c;
  const crc = (crcCodePoint(crcCodePoint(crcCodePoint(0xffffffff, a), b), c) ^ 0xffffffff) >>> 0;
  // The first three bytes of the CRC as it lies in (little-endian) memory.
  return ((crc & 0xff) << 16) | (crc & 0xff00) | ((crc >>> 16) & 0xff);
}

const WORD = /[\p{L}\p{N}]+/gu;
const SPACE = 0x20;

/** Every trigram of `text` in order, repeats included (the extension's generate_trgm_only). */
export function trigramSequence(text: string): number[] {
  const out: number[] = [];
  for (const word of text.match(WORD) ?? []) {
    const cps = [SPACE, SPACE];
    for (const ch of word.toLowerCase()) cps.push(ch.codePointAt(0)!);
    cps.push(SPACE);
    for (let i = 0; i + 2 < cps.length; i++) out.push(trigramOf(cps[i], cps[i + 1], cps[i + 2]));
  }
  return out;
}

/** The distinct trigrams of `text`, ascending (the extension's generate_trgm). */
export function trigramSet(text: string): Int32Array {
  const seq = Int32Array.from(trigramSequence(text)).sort();
  let n = 0;
  for (let i = 0; i < seq.length; i++) if (i === 0 || seq[i] !== seq[n - 1]) seq[n++] = seq[i];
  return seq.slice(0, n);
}

/** The extension's CALCSML: a float4 quotient. */
const sml = (count: number, len1: number, len2: number) => Math.fround(count / (len1 + len2 - count));

/** How many trigrams two ascending sets share. */
export function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

/** similarity(a, b) from the two trigram sets. */
export function similarityOfSets(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  return sml(sharedCount(a, b), a.length, b.length);
}

export const similarity = (a: string, b: string) => similarityOfSets(trigramSet(a), trigramSet(b));

/**
 * word_similarity(query, text): the greatest similarity between the query's trigram set and the
 * trigrams of any stretch of `text` (the extension's calc_word_similarity and
 * iterate_word_similarity, without the strict and check-only variants).
 */
export function wordSimilarityOfSequences(query: readonly number[], text: ArrayLike<number>): number {
  // One number per distinct trigram of the text; `found` marks those the query has.
  const wanted = new Set(query);
  const ids = new Map<number, number>();
  const indexes = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    let id = ids.get(text[i]);
    if (id === undefined) {
      id = ids.size;
      ids.set(text[i], id);
    }
    indexes[i] = id;
  }
  const found = new Uint8Array(ids.size);
  for (const [t, id] of ids) if (wanted.has(t)) found[id] = 1;
  return wordSimilarityOfIndexes(wanted.size, found, indexes, new Int32Array(ids.size));
}

/**
 * The iteration itself, over the text's trigrams given as small numbers (one per distinct
 * trigram of the text): `found[id]` says whether the query has it, `ulen1` is how many distinct
 * trigrams the query has, `lastpos` is room for one number per id (its contents are overwritten).
 */
export function wordSimilarityOfIndexes(
  ulen1: number,
  found: ArrayLike<number>,
  indexes: ArrayLike<number>,
  lastpos: Int32Array,
): number {
  if (ulen1 === 0) return 0;
  const len2 = indexes.length;
  lastpos.fill(-1, 0, found.length);
  let ulen2 = 0;
  let count = 0;
  let lower = -1;
  let max = 0;
  for (let i = 0; i < len2; i++) {
    const idx = indexes[i];
    if (lower >= 0 || found[idx]) {
      if (lastpos[idx] < 0) {
        ulen2++;
        if (found[idx]) count++;
      }
      lastpos[idx] = i;
    }
    if (!found[idx]) continue;
    const upper = i;
    if (lower === -1) {
      lower = i;
      ulen2 = 1;
    }
    let cur = sml(count, ulen1, ulen2);
    // Try moving the lower bound up for a greater similarity.
    let tmpCount = count;
    let tmpUlen2 = ulen2;
    const prevLower = lower;
    for (let tl = lower; tl <= upper; tl++) {
      const s = sml(tmpCount, ulen1, tmpUlen2);
      if (s > cur) {
        cur = s;
        ulen2 = tmpUlen2;
        lower = tl;
        count = tmpCount;
      }
      const ti = indexes[tl];
      if (lastpos[ti] === tl) {
        tmpUlen2--;
        if (found[ti]) tmpCount--;
      }
    }
    if (cur > max) max = cur;
    for (let tl = prevLower; tl < lower; tl++) {
      const ti = indexes[tl];
      if (lastpos[ti] === tl) lastpos[ti] = -1;
    }
  }
  return max;
}

export const wordSimilarity = (query: string, text: string) =>
  wordSimilarityOfSequences(trigramSequence(query), trigramSequence(text));
