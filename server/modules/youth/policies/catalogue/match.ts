import type { Catalogue } from './copy.ts';
import {
  emptySet,
  has,
  hasBit,
  intersectSets,
  type SlotSet,
  setOfBits,
  setOfList,
  slotsOf,
  words,
} from './slot-sets.ts';
import {
  SIMILARITY_THRESHOLD,
  trigramSet,
  WORD_SIMILARITY_THRESHOLD,
  wordSimilarityOfIndexes,
} from './trigrams.ts';

// What a search's words match in the catalogue, and how each match ranks, as listPoliciesSql
// matches and ranks: words through the lexemes (the tsvector's and the facets'), 초성 through the
// title's initials, and typos through pg_trgm's similarity (search.ts pages through them).

const EMPTY_LIST = new Int32Array(0);

/** Slots with any lexeme starting with `prefix` (a one-syllable word matches as a prefix). */
export function prefixSet(cat: Catalogue, prefix: string): SlotSet {
  const known = cat.prefixes.get(prefix);
  if (known) return known;
  const n = cat.entries.length;
  const bits = new Uint32Array(words(n));
  const first = String.fromCodePoint(prefix.codePointAt(0)!);
  for (const lexeme of cat.lexemesByFirst.get(first) ?? [])
    if (lexeme.startsWith(prefix))
      for (const s of slotsOf(cat.lexemes.get(lexeme)!)) bits[s >>> 5] |= 1 << (s & 31);
  const set = setOfList(slotsOf(setOfBits(bits)), n);
  if (cat.prefixes.size > 2_000) cat.prefixes.clear();
  cat.prefixes.set(prefix, set);
  return set;
}

/**
 * The slots whose text (lower-cased title, or title with keywords) holds every word, from the
 * pieces' sets: a word of one or two characters is a piece; a longer one (a Latin word, a number)
 * needs its pairs and then a look at the text itself.
 */
export function holding(
  n: number,
  pieces: Map<string, SlotSet>,
  words: string[],
  text: (s: number) => string,
): SlotSet | null {
  const sets: SlotSet[] = [];
  let verify = false;
  for (const w of words) {
    const chars = Array.from(w);
    if (chars.length <= 2) sets.push(pieces.get(w) ?? emptySet);
    else {
      verify = true;
      for (let i = 0; i + 1 < chars.length; i++) sets.push(pieces.get(chars[i] + chars[i + 1]) ?? emptySet);
    }
  }
  const found = intersectSets(sets, n);
  if (!verify || !found) return found;
  return setOfList(
    slotsOf(found).filter((s) => words.every((w) => text(s).includes(w))),
    n,
  );
}

/** The slots of `a` not in `b`. */
export function minus(a: SlotSet, b: SlotSet | null, n: number): SlotSet {
  if (!b || b.size === 0) return a;
  if (a.bits) {
    const out = Uint32Array.from(a.bits);
    if (b.bits) for (let w = 0; w < out.length; w++) out[w] &= ~b.bits[w];
    else for (const s of b.list!) out[s >>> 5] &= ~(1 << (s & 31));
    return setOfBits(out);
  }
  return setOfList(
    a.list!.filter((s) => !has(b, s)),
    n,
  );
}

/** The slots matching the words, with what their rank needs. */
export interface Match {
  /** null: every policy. */
  set: SlotSet | null;
  /** Text: the slots holding every word in the title (tier 2), and in title or keywords (1). */
  tiers?: { title(): SlotSet | null; titleKeywords(): SlotSet | null };
  /** The relevance rank of a matched slot, as the SQL computes it. */
  rank: (s: number) => number;
}

/** The slots holding every term of a tsquery text ('a & b:*'). */
export function termsSet(cat: Catalogue, tsq: string): SlotSet {
  return (
    intersectSets(
      tsq
        .split(' & ')
        .map((t) => (t.endsWith(':*') ? prefixSet(cat, t.slice(0, -2)) : (cat.lexemes.get(t) ?? emptySet))),
      cat.entries.length,
    ) ?? emptySet
  );
}

export function textMatch(cat: Catalogue, tsq: string): Match {
  const n = cat.entries.length;
  const terms = tsq.split(' & ');
  const set = termsSet(cat, tsq);
  const ws = terms.map((t) => t.replace(/:\*$/, ''));
  const { entries } = cat;
  // The SQL compares with the title itself when every word is Hangul (which has no case) and with
  // lower(title) otherwise: the same answer for Hangul words, so the lower-cased pieces serve both.
  // Each is found when first needed: deadline and newest orders never need them, and a broad word
  // usually fills its page from the title tier alone.
  const lazy = (find: () => SlotSet | null) => {
    let found: SlotSet | null | undefined;
    return () => {
      if (found === undefined) found = set.size > 0 ? find() : emptySet;
      return found;
    };
  };
  const title = lazy(() => holding(n, cat.titlePieces, ws, (s) => entries[s].titleLower));
  const titleKeywords = lazy(() =>
    holding(n, cat.titleKeywordPieces, ws, (s) => entries[s].titleKeywordsLower),
  );
  const tier = (s: number) => {
    const t = title();
    if (t === null || has(t, s)) return 2;
    const tk = titleKeywords();
    return tk === null || has(tk, s) ? 1 : 0;
  };
  return {
    set,
    tiers: { title, titleKeywords },
    rank: (s) => tier(s) + 1.0 / (entries[s].titleLength + 1),
  };
}

/** strpos and length count characters; initials are compatibility jamo (one UTF-16 unit each). */
export const initialsRank = (own: string, initials: string) =>
  1.0 / (own.indexOf(initials) + 1) + 1.0 / own.length;

export function initialsMatch(cat: Catalogue, initials: string): Match {
  const n = cat.entries.length;
  const chars = Array.from(initials);
  // Up to three initials are a piece of their own; a longer query needs its three-letter pieces,
  // and then the initials must hold it in a row.
  const pieces = chars.length <= 3 ? [initials] : chars.slice(2).map((c, i) => chars[i] + chars[i + 1] + c);
  let set = intersectSets(
    pieces.map((p) => cat.initialPieces.get(p) ?? emptySet),
    n,
  )!;
  if (chars.length > 3)
    set = setOfList(
      slotsOf(set).filter((s) => cat.entries[s].initials.includes(initials)),
      n,
    );
  return { set, rank: (s) => initialsRank(cat.entries[s].initials, initials) };
}

/**
 * The slots of a one- or two-letter 초성 query in rank order (rank desc, registered desc, id), made
 * once per catalogue: such a query matches thousands of titles, and a page is then read off it.
 */
export function initialsOrder(cat: Catalogue, initials: string, set: SlotSet): Int32Array {
  let order = cat.initialsOrders.get(initials);
  if (!order) {
    const slots = slotsOf(set);
    const ranks = new Float64Array(cat.entries.length);
    for (const s of slots) ranks[s] = initialsRank(cat.entries[s].initials, initials);
    // Slots ascending are newest first, so equal ranks keep that order.
    order = Int32Array.from(slots).sort((a, b) => ranks[b] - ranks[a] || a - b);
    if (cat.initialsOrders.size > 1_000) cat.initialsOrders.clear();
    cat.initialsOrders.set(initials, order);
  }
  return order;
}

export function similarMatch(cat: Catalogue, similar: string, keep: Uint32Array | null): Match {
  const n = cat.entries.length;
  const wanted = trigramSet(similar);
  const m = wanted.length;
  if (m === 0) return { set: emptySet, rank: () => 0 };
  // A title with t distinct trigrams sharing c of the query's m has similarity c/(m + t - c), where
  // t is at least c and at least the fewest any title has; its word similarity is at most c/m.
  // Below `least` shared trigrams neither can pass its threshold. A title sharing `least` shares
  // one of any m - least + 1 of them, so candidates come from the rarest m - least + 1 lists.
  const fewest = cat.fewestTrigrams;
  const possible = (c: number) =>
    Math.fround(c / (m + Math.max(fewest, c) - c)) >= SIMILARITY_THRESHOLD ||
    Math.fround(c / m) >= WORD_SIMILARITY_THRESHOLD;
  let least = 1;
  while (least < m && !possible(least)) least++;
  const lists = Array.from(wanted, (t) => cat.trigrams.get(t) ?? EMPTY_LIST).sort(
    (x, y) => x.length - y.length,
  );
  const seen = new Uint32Array(words(n));
  const { trigramFlat, trigramStart } = cat;
  const ranks = new Map<number, number>();
  let found = new Uint8Array(64);
  let lastpos = new Int32Array(64);
  for (const list of lists.slice(0, m - least + 1))
    for (const s of list) {
      if (hasBit(seen, s) || (keep && !hasBit(keep, s))) continue; // filtered out in any case
      seen[s >>> 5] |= 1 << (s & 31);
      // How many trigrams the title shares with the query: a merge of the two ascending sets.
      const from = trigramStart[s];
      const to = trigramStart[s + 1];
      let c = 0;
      for (let i = from, j = 0; i < to && j < m; ) {
        if (trigramFlat[i] < wanted[j]) i++;
        else if (trigramFlat[i] > wanted[j]) j++;
        else {
          c++;
          i++;
          j++;
        }
      }
      if (c < least) continue;
      const sim = Math.fround(c / (m + to - from - c));
      // word_similarity cannot exceed the share of the query's trigrams found anywhere in the title.
      if (sim < SIMILARITY_THRESHOLD && Math.fround(c / m) < WORD_SIMILARITY_THRESHOLD) continue;
      const e = cat.entries[s];
      const own = e.titleTrigrams;
      if (own.length > found.length) {
        found = new Uint8Array(own.length);
        lastpos = new Int32Array(own.length);
      }
      // Merge the two ascending sets: which of the title's trigrams the query has.
      for (let i = 0, j = 0; i < own.length; i++) {
        while (j < m && wanted[j] < own[i]) j++;
        found[i] = j < m && wanted[j] === own[i] ? 1 : 0;
      }
      const word = wordSimilarityOfIndexes(m, found.subarray(0, own.length), e.titleTrigramIndexes, lastpos);
      if (sim >= SIMILARITY_THRESHOLD || word >= WORD_SIMILARITY_THRESHOLD) ranks.set(s, Math.max(sim, word));
    }
  return {
    set: setOfList(Int32Array.from(ranks.keys()).sort(), n),
    rank: (s) => ranks.get(s) ?? 0,
  };
}
