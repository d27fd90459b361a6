import type { PolicyList, PolicyListQuery } from '../../../../contracts/youth-policies.ts';
import { AppError } from '../../../platform/errors.ts';
import { choseongQuery, normalize, queryText } from '../../../platform/search/tokens.ts';
import { type Catalogue, dayView } from './catalogue.ts';
import { decodeCursor, encodeCursor, type Mode } from './queries.ts';
import {
  SIMILARITY_THRESHOLD,
  trigramSequence,
  trigramSet,
  WORD_SIMILARITY_THRESHOLD,
  wordSimilarityOfSequences,
} from './trigrams.ts';

// The public policy list searched in the in-process catalogue: the same matches, order and cursors
// as listPoliciesSql in queries.ts (catalogue-search.test.ts compares the two page by page), in
// well under a millisecond for most searches.
//
// - Words: every bigram (or one-syllable prefix) must be a lexeme of the policy's tsvector; the
//   lexemes' slot lists are intersected. Rank: every word in the title (2), in title or keywords
//   (1), elsewhere (0), then shorter titles, then newest.
// - 초성: the title's initials hold the query's initials in a row; rank by where and how long.
// - Typos (no word matched, or a cursor from such a page): pg_trgm's `title % q or q <% title`.
// - Newest and deadline orders are kept sorted, so a page is read off them until it is full.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Slots present in every list (each ascending). */
function intersect(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let acc = sorted[0];
  for (const other of sorted.slice(1)) {
    const out = new Int32Array(Math.min(acc.length, other.length));
    let n = 0;
    let j = 0;
    for (let i = 0; i < acc.length; i++) {
      const v = acc[i];
      // Galloping would help for very uneven lengths; a linear merge is enough at this size.
      while (j < other.length && other[j] < v) j++;
      if (j < other.length && other[j] === v) out[n++] = v;
    }
    acc = out.subarray(0, n);
    if (n === 0) break;
  }
  return acc;
}

/** Slots with any lexeme starting with `prefix` (a one-syllable word matches as a prefix). */
function prefixSlots(cat: Catalogue, prefix: string): Int32Array {
  const known = cat.prefixes.get(prefix);
  if (known) return known;
  const first = String.fromCodePoint(prefix.codePointAt(0)!);
  const marks = new Uint8Array(cat.entries.length);
  for (const lexeme of cat.lexemesByFirst.get(first) ?? [])
    if (lexeme.startsWith(prefix)) for (const s of cat.lexemes.get(lexeme)!) marks[s] = 1;
  const slots: number[] = [];
  for (let s = 0; s < marks.length; s++) if (marks[s]) slots.push(s);
  const out = Int32Array.from(slots);
  if (cat.prefixes.size > 2_000) cat.prefixes.clear();
  cat.prefixes.set(prefix, out);
  return out;
}

type Key = Array<string | number>;

/** -1, 0 or 1 as `a` sorts before, with or after `b` under per-key directions. */
function compareKeys(a: Key, b: Key, desc: boolean[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const before = x < y ? -1 : 1;
    return desc[i] ? -before : before;
  }
  return 0;
}

/** The first position of an order (`at(i)` is its i-th slot, sorted by key) after `cursor`. */
function firstAfter(
  length: number,
  at: (i: number) => number,
  keyOf: (slot: number) => Key,
  cursor: Key,
  desc: boolean[],
) {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(keyOf(at(mid)), cursor, desc) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `k` smallest under `before` (a strict order), sorted; a bounded heap of the worst at the top. */
function smallest(
  candidates: Iterable<number>,
  k: number,
  before: (a: number, b: number) => boolean,
): number[] {
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(heap[p], heap[i])) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && before(heap[worst], heap[l])) worst = l;
      if (r < heap.length && before(heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i], heap[worst]];
      i = worst;
    }
  };
  for (const c of candidates) {
    if (heap.length < k) {
      heap.push(c);
      up(heap.length - 1);
    } else if (k > 0 && before(c, heap[0])) {
      heap[0] = c;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

interface Match {
  /** null: every policy. */
  slots: Int32Array | null;
  /** The relevance rank of a matched slot (as the SQL computes it). */
  rank: (slot: number) => number;
  /** Text matches rank in tiers over the title-length order (see relevanceByTiers). */
  tier?: (slot: number) => number;
}

function textMatch(cat: Catalogue, tsq: string): Match {
  const terms = tsq.split(' & ');
  const lists = terms.map((t) =>
    t.endsWith(':*') ? prefixSlots(cat, t.slice(0, -2)) : (cat.lexemes.get(t) ?? new Int32Array(0)),
  );
  const words = terms.map((t) => t.replace(/:\*$/, ''));
  // Hangul has no case: the SQL lower-cases only when a word has other letters.
  const hangulOnly = words.every((t) => /^[\uac00-\ud7a3]+$/.test(t));
  const tier = (slot: number) => {
    const e = cat.entries[slot];
    const title = hangulOnly ? e.title : e.titleLower;
    if (words.every((w) => title.includes(w))) return 2;
    const both = hangulOnly ? e.titleKeywords : e.titleKeywordsLower;
    return words.every((w) => both.includes(w)) ? 1 : 0;
  };
  return {
    slots: intersect(lists),
    tier,
    rank: (slot) => tier(slot) + 1.0 / (cat.entries[slot].titleLength + 1),
  };
}

function initialsMatch(cat: Catalogue, initials: string): Match {
  const chars = Array.from(initials);
  const pieces = chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c);
  let slots = intersect(pieces.map((p) => cat.initialPieces.get(p) ?? new Int32Array(0)));
  // Three initials or more: the pairs must also follow each other.
  if (chars.length > 2) slots = slots.filter((s) => cat.entries[s].initials.includes(initials));
  // strpos and length count characters; initials are compatibility jamo (one UTF-16 unit each).
  return {
    slots,
    rank: (slot) => {
      const own = cat.entries[slot].initials;
      return 1.0 / (own.indexOf(initials) + 1) + 1.0 / own.length;
    },
  };
}

function similarMatch(cat: Catalogue, similar: string): Match {
  const wanted = trigramSet(similar);
  const sequence = trigramSequence(similar);
  const shared = new Uint16Array(cat.entries.length);
  const touched: number[] = [];
  for (const t of wanted)
    for (const s of cat.trigrams.get(t) ?? []) {
      if (shared[s] === 0) touched.push(s);
      shared[s]++;
    }
  const ranks = new Map<number, number>();
  for (const s of touched) {
    const e = cat.entries[s];
    const c = shared[s];
    const sim = Math.fround(c / (wanted.length + e.titleTrigrams.length - c));
    // word_similarity cannot exceed the share of the query's trigrams found anywhere in the title.
    if (sim < SIMILARITY_THRESHOLD && Math.fround(c / wanted.length) < WORD_SIMILARITY_THRESHOLD) continue;
    const word = wordSimilarityOfSequences(sequence, e.titleTrigramSequence);
    if (sim >= SIMILARITY_THRESHOLD || word >= WORD_SIMILARITY_THRESHOLD) ranks.set(s, Math.max(sim, word));
  }
  return {
    slots: Int32Array.from([...ranks.keys()].sort((a, b) => a - b)),
    rank: (slot) => ranks.get(slot) ?? 0,
  };
}

/** Published policies of the catalogue: search, filters, sort and keyset paging as listPoliciesSql. */
export function searchCatalogue(cat: Catalogue, query: PolicyListQuery, on: string): PolicyList {
  const sort = query.sort ?? (query.q ? 'relevance' : 'newest');
  const q = query.q;
  const initials = q ? choseongQuery(q) : null;
  const tsq = q && !initials ? queryText(q) : null;
  const similar = q ? normalize(q) : '';
  const relevance = sort === 'relevance' && !!q;
  const keyCount = sort === 'deadline' || relevance ? 3 : 2;
  const cursor = query.cursor ? decodeCursor(query.cursor, keyCount) : null;
  if (cursor) {
    const m = cursor.m;
    const fits =
      (m === 'initials' && initials) || (m === 'text' && tsq) || (m === 'similar' && q) || m === 'none';
    const id = cursor.v[keyCount - 1];
    if (!fits || typeof id !== 'string' || !UUID.test(id)) throw new AppError('youth_cursor', 400);
  }

  const view = dayView(cat, on);
  const { entries } = cat;
  const wantStatus = query.status;
  const accepts = (s: number) => {
    const e = entries[s];
    if (query.field && !e.fields.includes(query.field)) return false;
    // A policy without a region list is open to residents anywhere.
    if (query.region && e.regionCodes.length > 0 && !e.regionCodes.includes(query.region)) return false;
    if (query.age !== undefined) {
      if (e.minAge !== 0 && e.minAge > query.age) return false;
      if (e.maxAge !== 0 && e.maxAge < query.age) return false;
    }
    if (wantStatus) {
      const st = view.status[s];
      if (wantStatus === 'open' ? st !== 'open' && st !== 'closing_soon' : st !== wantStatus) return false;
    }
    return true;
  };
  const k = query.limit + 1;

  const run = (mode: Mode): { rows: number[]; key: (slot: number) => Key } => {
    const match: Match =
      mode === 'text'
        ? textMatch(cat, tsq!)
        : mode === 'initials'
          ? initialsMatch(cat, initials!)
          : mode === 'similar'
            ? similarMatch(cat, similar)
            : { slots: null, rank: () => 0 };
    let member: Uint8Array | null = null;
    if (match.slots) {
      member = new Uint8Array(entries.length);
      for (const s of match.slots) member[s] = 1;
    }
    const ok = (s: number) => (member === null || member[s] === 1) && accepts(s);

    if (sort === 'deadline' || !relevance) {
      // A kept order: read it from just after the cursor until the page is full.
      const deadline = sort === 'deadline';
      const at = deadline ? (i: number) => view.byDeadline[i] : (i: number) => i;
      const key = deadline
        ? (s: number): Key => [view.group[s], view.dayKey[s], entries[s].id]
        : (s: number): Key => [entries[s].registered, entries[s].id];
      const desc = deadline ? [false, false, false] : [true, false];
      const rows: number[] = [];
      for (
        let i = cursor ? firstAfter(entries.length, at, key, cursor.v, desc) : 0;
        i < entries.length && rows.length < k;
        i++
      ) {
        const s = at(i);
        if (ok(s)) rows.push(s);
      }
      return { rows, key };
    }

    // Relevance: rank desc, registered desc, id.
    const rankOf = new Map<number, number>();
    const rank = (s: number) => {
      let r = rankOf.get(s);
      if (r === undefined) {
        r = match.rank(s);
        rankOf.set(s, r);
      }
      return r;
    };
    const key = (s: number): Key => [rank(s), entries[s].registered, entries[s].id];
    const desc = [true, true, false];
    const afterCursor = (s: number) => !cursor || compareKeys(key(s), cursor.v, desc) > 0;
    const before = (a: number, b: number) => compareKeys(key(a), key(b), desc) < 0;
    if (match.tier && member && match.slots!.length > 64)
      return { rows: relevanceByTiers(cat, match, member, ok, afterCursor, k), key };
    const candidates = (match.slots ?? Int32Array.from(entries.keys())).filter(
      (s) => ok(s) && afterCursor(s),
    );
    return { rows: smallest(candidates, k, before), key };
  };

  let mode: Mode = cursor?.m ?? (initials ? 'initials' : tsq ? 'text' : q ? 'similar' : 'none');
  let found = run(mode);
  // Nothing matched the words themselves: try titles that are close (typos).
  if (!cursor && mode === 'text' && found.rows.length === 0) {
    mode = 'similar';
    found = run(mode);
  }
  const page = found.rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((s) => {
      const e = entries[s];
      return {
        id: e.id,
        externalId: e.externalId,
        title: e.title,
        summary: e.summary,
        status: view.status[s],
        field: e.fieldMajor,
        deadline: view.deadline[s],
        operator: e.operator,
      };
    }),
    nextCursor:
      found.rows.length > query.limit && last !== undefined ? encodeCursor(mode, found.key(last)) : null,
  };
}

/**
 * Text relevance without ranking every match: within a tier the order is the title-length order
 * (shorter first, then newest), so each tier is read off that order, best tier first, until the
 * page is full. A broad word matching most policies fills its page after a few dozen.
 */
function relevanceByTiers(
  cat: Catalogue,
  match: Match,
  member: Uint8Array,
  ok: (s: number) => boolean,
  afterCursor: (s: number) => boolean,
  k: number,
): number[] {
  const rows: number[] = [];
  const tiers = new Int8Array(cat.entries.length).fill(-1);
  const order = cat.byTitleLength;
  for (let tier = 2; tier >= 0 && rows.length < k; tier--) {
    for (let i = 0; i < order.length && rows.length < k; i++) {
      const s = order[i];
      if (member[s] !== 1) continue;
      if (tiers[s] === -1) tiers[s] = match.tier!(s);
      if (tiers[s] === tier && ok(s) && afterCursor(s)) rows.push(s);
    }
  }
  return rows;
}
