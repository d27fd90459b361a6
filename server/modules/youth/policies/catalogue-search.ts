import type { PolicyList, PolicyListQuery } from '../../../../contracts/youth-policies.ts';
import { AppError } from '../../../platform/errors.ts';
import { choseongQuery, normalize, queryText } from '../../../platform/search/tokens.ts';
import {
  ageFilter,
  type Catalogue,
  type DayView,
  dayView,
  fieldFilter,
  regionFilter,
  statusFilter,
} from './catalogue.ts';
import { decodeListCursor, encodeListCursor, type Mode } from './list-cursor.ts';
import {
  bitsOf,
  emptySet,
  filterSet,
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

// The public policy list searched in the in-process catalogue: the same matches, order and cursors
// as listPoliciesSql in queries.ts (catalogue-search.test.ts compares the two page by page).
//
// - Words: every bigram (or one-syllable prefix) must be a lexeme of the policy's tsvector; the
//   lexemes' slot sets are intersected (bitsets for common words). Rank: every word in the title
//   (tier 2), in the title or keywords (1), elsewhere (0); within a tier shorter titles, then
//   newest. The tiers come from the titles' one- and two-character pieces.
// - 초성: the title's initials hold the query's initials in a row; rank by where and how long.
// - Typos (no word matched, or a cursor from such a page): pg_trgm's `title % q or q <% title`.
// - The filters are bitsets made once per catalogue (and day, for the status).
// - A page is read off a kept order (newest, the day's deadline order, title length, a short 초성
//   query's rank order) until it is full when the candidates are many; few candidates are ranked
//   and the first taken. Either way a page costs little more than its own rows.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * Up to this many candidates are sorted; more are read off a kept order (a page of k from a set
 * of m among n takes about k·n/m steps of a bit test each, and never more than n).
 */
const FEW = 256;
const EMPTY_LIST = new Int32Array(0);

/** Slots with any lexeme starting with `prefix` (a one-syllable word matches as a prefix). */
function prefixSet(cat: Catalogue, prefix: string): SlotSet {
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
function holding(
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
function minus(a: SlotSet, b: SlotSet | null, n: number): SlotSet {
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

/** The `k` first of `candidates` under `before` (a strict order), sorted; a heap with the last on top. */
function firstK(
  candidates: ArrayLike<number>,
  k: number,
  before: (a: number, b: number) => boolean,
): number[] {
  const heap: number[] = [];
  const swap = (i: number, j: number) => {
    const x = heap[i];
    heap[i] = heap[j];
    heap[j] = x;
  };
  for (let c = 0; c < candidates.length; c++) {
    const v = candidates[c];
    if (heap.length < k) {
      heap.push(v);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!before(heap[p], heap[i])) break;
        swap(p, i);
        i = p;
      }
    } else if (k > 0 && before(v, heap[0])) {
      heap[0] = v;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let last = i;
        if (l < heap.length && before(heap[last], heap[l])) last = l;
        if (r < heap.length && before(heap[last], heap[r])) last = r;
        if (last === i) break;
        swap(last, i);
        i = last;
      }
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}

/** An order of all slots: `at(i)` is its i-th slot, `place(s)` a slot's position in it. */
interface Order {
  at: (i: number) => number;
  place: (s: number) => number;
}
const SLOT_ORDER: Order = { at: (i) => i, place: (s) => s };

/**
 * The first `k` slots of an order (from position `start`) that are in `set` (null: all) and pass
 * `ok`: read off the order when the set is large, or sorted by their places when few.
 */
function firstInOrder(
  n: number,
  order: Order,
  start: number,
  set: SlotSet | null,
  k: number,
  ok?: (s: number) => boolean,
): number[] {
  if (set && set.size <= FEW) {
    const picked = slotsOf(set).filter((s) => order.place(s) >= start && (!ok || ok(s)));
    return firstK(picked, k, (a, b) => order.place(a) < order.place(b));
  }
  const bits = set === null ? null : (set.bits ?? bitsOf(set.list!, n));
  const rows: number[] = [];
  for (let i = start; i < n && rows.length < k; i++) {
    const s = order.at(i);
    if ((bits === null || hasBit(bits, s)) && (!ok || ok(s))) rows.push(s);
  }
  return rows;
}

/** The slots matching the words, with what their rank needs. */
interface Match {
  /** null: every policy. */
  set: SlotSet | null;
  /** Text: the slots holding every word in the title (tier 2), and in title or keywords (1). */
  tiers?: { title: SlotSet | null; titleKeywords: SlotSet | null };
  /** The relevance rank of a matched slot, as the SQL computes it. */
  rank: (s: number) => number;
}

function textMatch(cat: Catalogue, tsq: string): Match {
  const n = cat.entries.length;
  const terms = tsq.split(' & ');
  const set =
    intersectSets(
      terms.map((t) =>
        t.endsWith(':*') ? prefixSet(cat, t.slice(0, -2)) : (cat.lexemes.get(t) ?? emptySet),
      ),
      n,
    ) ?? emptySet;
  const ws = terms.map((t) => t.replace(/:\*$/, ''));
  const { entries } = cat;
  // The SQL compares with the title itself when every word is Hangul (which has no case) and with
  // lower(title) otherwise: the same answer for Hangul words, so the lower-cased pieces serve both.
  const title = set.size > 0 ? holding(n, cat.titlePieces, ws, (s) => entries[s].titleLower) : emptySet;
  const titleKeywords =
    set.size > 0 ? holding(n, cat.titleKeywordPieces, ws, (s) => entries[s].titleKeywordsLower) : emptySet;
  const tier = (s: number) => (title && has(title, s) ? 2 : titleKeywords && has(titleKeywords, s) ? 1 : 0);
  return {
    set,
    tiers: { title, titleKeywords },
    rank: (s) => tier(s) + 1.0 / (entries[s].titleLength + 1),
  };
}

/** strpos and length count characters; initials are compatibility jamo (one UTF-16 unit each). */
const initialsRank = (own: string, initials: string) => 1.0 / (own.indexOf(initials) + 1) + 1.0 / own.length;

function initialsMatch(cat: Catalogue, initials: string): Match {
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
function initialsOrder(cat: Catalogue, initials: string, set: SlotSet): Int32Array {
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

function similarMatch(cat: Catalogue, similar: string, keep: Uint32Array | null): Match {
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

type Key = Array<string | number>;

// Room for ranks by slot, reused: a search runs to its end without awaiting, and reads only the
// ranks it wrote.
let ranksRoom = new Float64Array(0);
const rankRoom = (n: number) => {
  if (ranksRoom.length < n) ranksRoom = new Float64Array(n);
  return ranksRoom;
};

/** A page found: its slots, the day's statuses, and the next page's cursor. */
interface Page {
  slots: number[];
  view: DayView;
  nextCursor: string | null;
}

/** Published policies of the catalogue: search, filters, sort and keyset paging as listPoliciesSql. */
export function searchCatalogue(cat: Catalogue, query: PolicyListQuery, on: string): PolicyList {
  const { slots, view, nextCursor } = findPage(cat, query, on);
  return {
    items: slots.map((s) => {
      const e = cat.entries[s];
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
    nextCursor,
  };
}

/**
 * The same page as JSON (a PolicyList) in UTF-8: each item's fixed part is encoded once per
 * catalogue, so a page costs copying a few kilobytes instead of serializing and encoding thirty
 * objects of Korean text on every request.
 */
export function searchCatalogueJson(cat: Catalogue, query: PolicyListQuery, on: string): Buffer {
  const { slots, view, nextCursor } = findPage(cat, query, on);
  const parts: Buffer[] = [OPEN_ITEMS];
  for (const [i, s] of slots.entries()) {
    let head = cat.itemHeads[s];
    if (head === undefined) {
      const e = cat.entries[s];
      head = Buffer.from(
        `{"id":${JSON.stringify(e.id)},"externalId":${JSON.stringify(e.externalId)},"title":${JSON.stringify(e.title)},"summary":${JSON.stringify(e.summary)},"field":${JSON.stringify(e.fieldMajor)},"operator":${JSON.stringify(e.operator)},"status":`,
      );
      cat.itemHeads[s] = head;
    }
    // A status is a plain word and a deadline YYYY-MM-DD: ASCII, nothing to escape.
    const deadline = view.deadline[s];
    parts.push(
      head,
      Buffer.from(
        `"${view.status[s]}","deadline":${deadline === null ? 'null' : `"${deadline}"`}}${i < slots.length - 1 ? ',' : ''}`,
        'latin1',
      ),
    );
  }
  parts.push(
    Buffer.from(`],"nextCursor":${nextCursor === null ? 'null' : JSON.stringify(nextCursor)}}`, 'latin1'),
  );
  return Buffer.concat(parts);
}
const OPEN_ITEMS = Buffer.from('{"items":[');

function findPage(cat: Catalogue, query: PolicyListQuery, on: string): Page {
  const sort = query.sort ?? (query.q ? 'relevance' : 'newest');
  const q = query.q;
  const initials = q ? choseongQuery(q) : null;
  const tsq = q && !initials ? queryText(q) : null;
  const similar = q ? normalize(q) : '';
  const relevance = sort === 'relevance' && !!q;
  const keyCount = sort === 'deadline' || relevance ? 3 : 2;
  const cursor = query.cursor ? decodeListCursor(query.cursor, keyCount) : null;
  if (cursor) {
    const m = cursor.m;
    const fits =
      (m === 'initials' && initials) || (m === 'text' && tsq) || (m === 'similar' && q) || m === 'none';
    const numbers = cursor.v.slice(0, -1).every((v) => typeof v === 'number');
    const id = cursor.v[keyCount - 1];
    if (!fits || !numbers || typeof id !== 'string' || !UUID.test(id))
      throw new AppError('youth_cursor', 400);
  }
  const cv = cursor?.v as number[] | undefined;
  const cursorId = cursor ? (cursor.v[keyCount - 1] as string) : '';

  const { entries, registered } = cat;
  const n = entries.length;
  const view = dayView(cat, on);
  // The filters as one bitset (null: none).
  const filters = [
    query.field ? fieldFilter(cat, query.field) : null,
    query.region ? regionFilter(cat, query.region) : null,
    query.age !== undefined ? ageFilter(cat, query.age) : null,
    query.status ? statusFilter(cat, view, query.status) : null,
  ].filter((f) => f !== null);
  let keep: Uint32Array | null = filters[0] ?? null;
  if (filters.length > 1) {
    keep = Uint32Array.from(filters[0]);
    for (const f of filters.slice(1)) for (let w = 0; w < keep.length; w++) keep[w] &= f[w];
  }
  const k = query.limit + 1;

  const run = (mode: Mode): { rows: number[]; key: (s: number) => Key } => {
    const match: Match =
      mode === 'text'
        ? textMatch(cat, tsq!)
        : mode === 'initials'
          ? initialsMatch(cat, initials!)
          : mode === 'similar'
            ? similarMatch(cat, similar, keep)
            : { set: null, rank: () => 0 };
    const candidates = filterSet(match.set, keep, n);

    if (sort === 'deadline') {
      const { group, dayKey, byDeadline, deadlineOrder } = view;
      // From just after the cursor (group, day key, id all ascending), found by binary search.
      let start = 0;
      if (cv) {
        const after = (s: number) =>
          group[s] !== cv[0]
            ? group[s] > cv[0]
            : dayKey[s] !== cv[1]
              ? dayKey[s] > cv[1]
              : entries[s].id > cursorId;
        let hi = n;
        while (start < hi) {
          const mid = (start + hi) >> 1;
          if (after(byDeadline[mid])) hi = mid;
          else start = mid + 1;
        }
      }
      const order: Order = { at: (i) => byDeadline[i], place: (s) => deadlineOrder[s] };
      const rows = firstInOrder(n, order, start, candidates, k);
      return { rows, key: (s) => [group[s], dayKey[s], entries[s].id] };
    }

    if (!relevance) {
      // Newest first is the slot order itself.
      let start = 0;
      if (cv) {
        const after = (s: number) =>
          registered[s] !== cv[0] ? registered[s] < cv[0] : entries[s].id > cursorId;
        let hi = n;
        while (start < hi) {
          const mid = (start + hi) >> 1;
          if (after(mid)) hi = mid;
          else start = mid + 1;
        }
      }
      const rows = firstInOrder(n, SLOT_ORDER, start, candidates, k);
      return { rows, key: (s) => [registered[s], entries[s].id] };
    }

    // Relevance: rank desc, registered desc, id asc.
    const key = (s: number): Key => [match.rank(s), registered[s], entries[s].id];
    const afterCursor = (s: number) => {
      if (!cv) return true;
      const r = match.rank(s);
      if (r !== cv[0]) return r < cv[0];
      if (registered[s] !== cv[1]) return registered[s] < cv[1];
      return entries[s].id > cursorId;
    };
    // Few candidates: rank each, keep those after the cursor, take the first k. Equal ranks go by
    // slot, which is registered desc, id asc.
    const byRank = (slots: ArrayLike<number>) => {
      const ranks = rankRoom(n);
      const picked: number[] = [];
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i];
        ranks[s] = match.rank(s);
        if (afterCursor(s)) picked.push(s);
      }
      return firstK(picked, k, (a, b) => (ranks[a] !== ranks[b] ? ranks[a] > ranks[b] : a < b));
    };

    if (match.tiers && candidates) {
      // Within a tier the order is the title-length order (shorter first, then newest), which
      // orders equal ranks as registered desc, id asc do. Best tier first until the page is full.
      const { title, titleKeywords } = match.tiers;
      const inTitle = intersectSets([candidates, ...(title ? [title] : [])], n)!;
      const inKeywords = minus(
        intersectSets([candidates, ...(titleKeywords ? [titleKeywords] : [])], n)!,
        inTitle,
        n,
      );
      const elsewhere = minus(candidates, titleKeywords, n);
      const rows: number[] = [];
      for (const [tier, set] of [
        [2, inTitle],
        [1, inKeywords],
        [0, elsewhere],
      ] as const) {
        if (rows.length >= k || (cv && tier > cv[0]) || set.size === 0) continue;
        const { byTitleLength, titleOrder } = cat;
        const order: Order = { at: (i) => byTitleLength[i], place: (s) => titleOrder[s] };
        rows.push(...firstInOrder(n, order, 0, set, k - rows.length, cv ? afterCursor : undefined));
      }
      return { rows, key };
    }

    if (mode === 'initials' && candidates && Array.from(initials!).length <= 2 && candidates.size > FEW) {
      // A short 초성 query: its rank order is kept; read the page off it from after the cursor.
      const order = initialsOrder(cat, initials!, match.set!);
      let start = 0;
      if (cv) {
        let hi = order.length;
        while (start < hi) {
          const mid = (start + hi) >> 1;
          if (afterCursor(order[mid])) hi = mid;
          else start = mid + 1;
        }
      }
      const rows: number[] = [];
      for (let i = start; i < order.length && rows.length < k; i++)
        if (has(candidates, order[i])) rows.push(order[i]);
      return { rows, key };
    }

    return { rows: byRank(candidates ? slotsOf(candidates) : Int32Array.from(entries.keys())), key };
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
    slots: page,
    view,
    nextCursor:
      found.rows.length > query.limit && last !== undefined ? encodeListCursor(mode, found.key(last)) : null,
  };
}
