import {
  knownFields,
  type PolicyList,
  type PolicyListQuery,
} from '../../../../../contracts/youth-policies.ts';
import { AppError } from '../../../../platform/errors.ts';
import { choseongQuery, normalize, queryText } from '../../../../platform/search/tokens.ts';
import type { Catalogue, DayView } from './copy.ts';
import { decodeListCursor, encodeListCursor, type Mode } from './list-cursor.ts';
import {
  initialsMatch,
  initialsOrder,
  type Match,
  minus,
  similarMatch,
  termsSet,
  textMatch,
} from './match.ts';
import { bitsOf, filterSet, has, hasBit, intersectSets, type SlotSet, slotsOf } from './slot-sets.ts';
import { hasSynonym, translateQuery } from './synonyms.ts';
import { correctedQuery, unknownWords } from './typos.ts';
import { ageFilter, dayView, fieldFilter, regionFilter, statusFilter } from './views.ts';

// The public policy list searched in the in-process catalogue: the same matches, order and cursors
// as listPoliciesSql in queries.ts (search.test.ts compares the two page by page).
//
// - Words: English words of the synonym table are put in Korean first (synonyms.ts); every bigram
//   (or one-syllable prefix) must be a lexeme of the policy's tsvector or of its facets; the
//   lexemes' slot sets are intersected (bitsets for common words). Rank: every word in the title
//   (tier 2), in the title or keywords (1), elsewhere (0); within a tier shorter titles, then
//   newest. The tiers come from the titles' one- and two-character pieces.
// - 초성: the title's initials hold the query's initials in a row; rank by where and how long.
// - Typos, when the words matched nothing: first the words corrected to the catalogue's own
//   (typos.ts; the answer then suggests the corrected query), then, if that finds nothing either,
//   pg_trgm's `title % q or q <% title`.
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

type Key = Array<string | number>;

const nonNull = <T>(x: T | null): T[] => (x === null ? [] : [x]);

// Room for ranks by slot, reused: a search runs to its end without awaiting, and reads only the
// ranks it wrote.
let ranksRoom = new Float64Array(0);
const rankRoom = (n: number) => {
  if (ranksRoom.length < n) ranksRoom = new Float64Array(n);
  return ranksRoom;
};

/** A page found: its slots, the day's statuses, the next page's cursor, the typo fallback's query. */
interface Page {
  slots: number[];
  view: DayView;
  nextCursor: string | null;
  suggestion: string | null;
}

/**
 * The typo fallback's query (as the person would type it) and its tsquery text: the words the
 * catalogue does not know corrected to the ones finding most policies; null when there is none.
 */
export function correctionOf(cat: Catalogue, q: string): { query: string; tsq: string } | null {
  const known = cat.corrections.get(q);
  if (known !== undefined) return known;
  let found: { query: string; tsq: string } | null = null;
  const unknown = unknownWords(q, (term) => cat.lexemes.has(term) || hasSynonym(term));
  if (unknown) {
    const matches = (word: string) => {
      const tsq = queryText(translateQuery(word));
      return tsq ? termsSet(cat, tsq).size : 0;
    };
    const query = correctedQuery(q, unknown, matches);
    const tsq = query ? queryText(translateQuery(query)) : null;
    if (query && tsq) found = { query, tsq };
  }
  if (cat.corrections.size > 1_000) cat.corrections.clear();
  cat.corrections.set(q, found);
  return found;
}

/** Published policies of the catalogue: search, filters, sort and keyset paging as listPoliciesSql. */
export function searchCatalogue(cat: Catalogue, query: PolicyListQuery, on: string): PolicyList {
  const { slots, view, nextCursor, suggestion } = findPage(cat, query, on);
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
        fields: knownFields(e.fields),
        deadline: view.deadline[s],
        operator: e.operator,
      };
    }),
    nextCursor,
    ...(suggestion === null ? {} : { suggestion }),
  };
}

/**
 * The same page as JSON (a PolicyList) in UTF-8: each item's fixed part is encoded once per
 * catalogue, so a page costs copying a few kilobytes instead of serializing and encoding thirty
 * objects of Korean text on every request.
 */
export function searchCatalogueJson(cat: Catalogue, query: PolicyListQuery, on: string): Buffer {
  const { slots, view, nextCursor, suggestion } = findPage(cat, query, on);
  const parts: Buffer[] = [OPEN_ITEMS];
  for (const [i, s] of slots.entries()) {
    let head = cat.itemHeads[s];
    if (head === undefined) {
      const e = cat.entries[s];
      head = Buffer.from(
        `{"id":${JSON.stringify(e.id)},"externalId":${JSON.stringify(e.externalId)},"title":${JSON.stringify(e.title)},"summary":${JSON.stringify(e.summary)},"field":${JSON.stringify(e.fieldMajor)},"fields":${JSON.stringify(knownFields(e.fields))},"operator":${JSON.stringify(e.operator)},"status":`,
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
    Buffer.from(`],"nextCursor":${nextCursor === null ? 'null' : JSON.stringify(nextCursor)}`, 'latin1'),
    Buffer.from(suggestion === null ? '}' : `,"suggestion":${JSON.stringify(suggestion)}}`),
  );
  return Buffer.concat(parts);
}
const OPEN_ITEMS = Buffer.from('{"items":[');

function findPage(cat: Catalogue, query: PolicyListQuery, on: string): Page {
  const sort = query.sort ?? (query.q ? 'relevance' : 'newest');
  const q = query.q;
  const initials = q ? choseongQuery(q) : null;
  const tsq = q && !initials ? queryText(translateQuery(q)) : null;
  const similar = q ? normalize(q) : '';
  const relevance = sort === 'relevance' && !!q;
  const keyCount = sort === 'deadline' || relevance ? 3 : 2;
  const cursor = query.cursor ? decodeListCursor(query.cursor, keyCount) : null;
  if (cursor) {
    const m = cursor.m;
    const fits =
      (m === 'initials' && initials) ||
      ((m === 'text' || m === 'fixed') && tsq) ||
      (m === 'similar' && q) ||
      m === 'none';
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

  // The typo fallback's words (a 'fixed' cursor's page recomputes them: the same catalogue gives the same).
  const fixed = tsq && (!cursor || cursor.m === 'fixed') ? () => correctionOf(cat, q!) : () => null;

  const run = (mode: Mode): { rows: number[]; key: (s: number) => Key } => {
    if (mode === 'fixed' && !fixed()) return { rows: [], key: () => [] };
    const match: Match =
      mode === 'text' || mode === 'fixed'
        ? textMatch(cat, mode === 'text' ? tsq! : fixed()!.tsq)
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
      // Each tier's set is made only when the tiers above left the page short.
      const tiers: Array<[number, () => SlotSet]> = [
        [2, () => intersectSets([candidates, ...nonNull(title())], n)!],
        [1, () => minus(intersectSets([candidates, ...nonNull(titleKeywords())], n)!, title(), n)],
        [0, () => minus(candidates, titleKeywords(), n)],
      ];
      const rows: number[] = [];
      const { byTitleLength, titleOrder } = cat;
      const order: Order = { at: (i) => byTitleLength[i], place: (s) => titleOrder[s] };
      for (const [tier, setOf] of tiers) {
        if (rows.length >= k || (cv && tier > cv[0])) continue;
        const set = setOf();
        if (set.size > 0)
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
  let suggestion = mode === 'fixed' ? (fixed()?.query ?? null) : null;
  // Nothing matched the words themselves: the words corrected (typos), then titles that are close.
  if (!cursor && mode === 'text' && found.rows.length === 0) {
    suggestion = fixed()?.query ?? null;
    if (suggestion !== null) {
      mode = 'fixed';
      found = run(mode);
    }
    if (found.rows.length === 0) {
      mode = 'similar';
      found = run(mode);
    }
  }
  const page = found.rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    slots: page,
    view,
    nextCursor:
      found.rows.length > query.limit && last !== undefined ? encodeListCursor(mode, found.key(last)) : null,
    suggestion,
  };
}
