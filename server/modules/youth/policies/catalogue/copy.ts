import { sql } from 'drizzle-orm';
import type { ApplyPeriodKind, ApplyStatus } from '../../../../../contracts/youth-policies.ts';
import { type DbOrTx, queryRows } from '../../../../platform/db/connect.ts';
import type { PolicyEligibility } from '../../eligibility/index.ts';
import { facetDocument } from './facets.ts';
import { type SlotSet, setOfList } from './slot-sets.ts';
import { trigramSequence, trigramSet } from './trigrams.ts';

// The in-process copy of an organization's published catalogue (copy-cache.ts keeps it current):
// its policies in newest-first slots and the indexes the search reads (search.ts). The
// lexemes are read from each policy's tsvector, so the words match exactly what `tsv @@ query`
// matches in PostgreSQL, and joined by the words of its facets (facets.ts: who runs it, where,
// which fields), which the SQL reference adds to the tsvector the same way.

/** One published policy as the list and the self-check need it. */
export interface CatalogueEntry {
  id: string;
  /** The row version: a new one for every write. */
  xmin: number;
  externalId: string | null;
  title: string;
  summary: string;
  fieldMajor: string;
  operator: string;
  fields: string[];
  regionCodes: string[];
  minAge: number;
  maxAge: number;
  workflowStatus: string;
  applyPeriodKind: ApplyPeriodKind;
  roundStarts: string[];
  roundEnds: string[];
  /** registered_at in microseconds since the epoch (the newest-first cursor's value). */
  registered: number;
  initials: string;
  /** The tsvector's lexemes and the facets' words, joined by SEP: one string, not a hundred, per policy. */
  lexemes: string;
  eligibility: PolicyEligibility;
  // Derived once, for ranking: what the SQL rank reads (length() counts characters).
  titleLength: number;
  titleLower: string;
  titleKeywords: string;
  titleKeywordsLower: string;
  /** The title's distinct trigrams (ascending), and its trigrams in order as places in that list. */
  titleTrigrams: Int32Array;
  titleTrigramIndexes: Int32Array;
}

/** Statuses on one day, per slot, and the deadline order of that day. */
export interface DayView {
  status: ApplyStatus[];
  /** The status as its index in APPLY_STATUSES (typed-array reads for the status filter). */
  statusCode: Uint8Array;
  deadline: Array<string | null>;
  /** The deadline sort's keys (see queries.ts): group and day number. */
  group: Uint8Array;
  dayKey: Int32Array;
  /** Slots by group, day key, id; and each slot's place in that order. */
  byDeadline: Int32Array;
  deadlineOrder: Int32Array;
  /** Slots with each status filter's value (open includes closing soon), made when first asked. */
  statusFilters: Map<string, Uint32Array>;
}

export interface Catalogue {
  /** Slots in newest-first order (registered_at desc, id): slot i is entries[i]. */
  entries: CatalogueEntry[];
  /** Slots holding each lexeme. */
  lexemes: Map<string, SlotSet>;
  /** Lexemes by their first character, for one-syllable prefix queries. */
  lexemesByFirst: Map<string, string[]>;
  /** Slots whose initials hold each piece of one to three letters. */
  initialPieces: Map<string, SlotSet>;
  /** Slots whose title has each trigram, ascending. */
  trigrams: Map<number, Int32Array>;
  /** Every title's distinct trigrams end to end (slot s's are from trigramStart[s] to trigramStart[s + 1]). */
  trigramFlat: Int32Array;
  trigramStart: Int32Array;
  /** The fewest distinct trigrams any title has (bounds the typo search's similarity). */
  fewestTrigrams: number;
  /** Slots whose lower-cased title, and title with keywords, hold each one- or two-character piece. */
  titlePieces: Map<string, SlotSet>;
  titleKeywordPieces: Map<string, SlotSet>;
  /** registered_at (microseconds), and the age bounds, by slot. */
  registered: Float64Array;
  minAge: Int32Array;
  maxAge: Int32Array;
  /** Slots by title length, then newest: the order within one relevance tier; and each slot's place in it. */
  byTitleLength: Int32Array;
  titleOrder: Int32Array;
  /** Each list item's fixed JSON (id to operator) in UTF-8, written on first use. */
  itemHeads: Array<Buffer | undefined>;
  /** Memos, per catalogue: prefix unions, typo corrections, the order of short 초성 queries, day views, filters. */
  prefixes: Map<string, SlotSet>;
  corrections: Map<string, { query: string; tsq: string } | null>;
  initialsOrders: Map<string, Int32Array>;
  days: Map<string, DayView>;
  /** The slots each filter lets through, as bitsets: regions (no list, or the code in it; '' for no code listed), fields, ages. */
  regionFilters: Map<string, Uint32Array>;
  fieldFilters: Map<string, Uint32Array>;
  ageFilters: Map<number, Uint32Array>;
}

const SEP = String.fromCharCode(31);
// Code lists repeat across policies (about 45 region codes each, of a few hundred): one string per
// distinct code keeps 20,000 policies' lists to pointers instead of a million small strings.
const codes = new Map<string, string>();
const intern = (code: string) => {
  const known = codes.get(code);
  if (known !== undefined) return known;
  if (codes.size < 100_000) codes.set(code, code);
  return code;
};
const listOf = (joined: string | null): string[] => (!joined ? [] : joined.split(SEP).map(intern));
const codePoints = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
};

interface Row {
  id: string;
  xmin: number;
  external_id: string | null;
  title: string;
  summary: string;
  field_major: string;
  field_minor: string;
  operator: string;
  supervisor: string;
  fields: string;
  keywords: string;
  region_codes: string;
  employment_codes: string;
  education_codes: string;
  major_codes: string;
  special_group_codes: string;
  marital_codes: string;
  min_age: number;
  max_age: number;
  status: string;
  apply_period_kind: ApplyPeriodKind;
  round_starts: string;
  round_ends: string;
  registered: number;
  initials: string;
  lexemes: string;
  income_condition: string | null;
  income_min: number;
  income_max: number;
  income_other: string | null;
}

function titleTrigramsOf(title: string) {
  const titleTrigrams = trigramSet(title);
  const place = new Map<number, number>();
  for (const [i, t] of titleTrigrams.entries()) place.set(t, i);
  const titleTrigramIndexes = Int32Array.from(trigramSequence(title), (t) => place.get(t)!);
  return { titleTrigrams, titleTrigramIndexes };
}

function entryOf(r: Row): CatalogueEntry {
  const titleKeywords = `${r.title} ${r.keywords}`;
  const regionCodes = listOf(r.region_codes);
  const fields = listOf(r.fields);
  const facets = facetDocument({
    operator: r.operator,
    supervisor: r.supervisor,
    fieldMajor: r.field_major,
    fieldMinor: r.field_minor,
    fields,
    regionCodes,
  });
  const lexemes = [r.lexemes, facets.replaceAll(' ', SEP)].filter(Boolean).join(SEP);
  return {
    id: r.id,
    xmin: Number(r.xmin),
    externalId: r.external_id,
    title: r.title,
    summary: r.summary,
    fieldMajor: r.field_major,
    operator: r.operator,
    fields,
    regionCodes,
    minAge: r.min_age,
    maxAge: r.max_age,
    workflowStatus: r.status,
    applyPeriodKind: r.apply_period_kind,
    roundStarts: listOf(r.round_starts),
    roundEnds: listOf(r.round_ends),
    registered: Number(r.registered),
    initials: r.initials,
    lexemes,
    eligibility: {
      minAge: r.min_age,
      maxAge: r.max_age,
      regionCodes,
      employmentCodes: listOf(r.employment_codes),
      educationCodes: listOf(r.education_codes),
      majorCodes: listOf(r.major_codes),
      specialGroupCodes: listOf(r.special_group_codes),
      maritalCodes: listOf(r.marital_codes),
      incomeConditionCode: r.income_condition,
      incomeMin: r.income_min,
      incomeMax: r.income_max,
      incomeOther: r.income_other,
    },
    titleLength: codePoints(r.title),
    titleLower: r.title.toLowerCase(),
    titleKeywords,
    titleKeywordsLower: titleKeywords.toLowerCase(),
    ...titleTrigramsOf(r.title),
  };
}

// Arrays come as one string each (split here): node-postgres parsing ~45 region codes per row as
// an array took most of the load time. Keywords are only ever read joined, as the SQL rank joins them.
const joined = (col: string) => sql.raw(`array_to_string(p.${col}, chr(31)) as ${col}`);
const COLUMNS = sql`p.id, p.xmin::text::int8 as xmin, p.external_id, p.title, p.summary, p.field_major,
  p.field_minor, p.operator, p.supervisor, ${joined('fields')}, array_to_string(p.keywords, ' ') as keywords, ${joined('region_codes')},
  ${joined('employment_codes')}, ${joined('education_codes')}, ${joined('major_codes')},
  ${joined('special_group_codes')}, ${joined('marital_codes')}, p.min_age, p.max_age, p.status,
  p.apply_period_kind, ${joined('round_starts')}, ${joined('round_ends')},
  (extract(epoch from p.registered_at) * 1000000)::int8 as registered, p.initials,
  array_to_string(tsvector_to_array(p.tsv), chr(31)) as lexemes,
  p.income_condition, p.income_min, p.income_max, p.income_other`;

export async function readEntries(
  db: DbOrTx,
  organizationId: string,
  ids?: string[],
): Promise<CatalogueEntry[]> {
  const only = ids ? sql` and p.id = any(${`{${ids.join(',')}}`}::uuid[])` : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`select ${COLUMNS} from youth_policies p
         where p.organization_id = ${organizationId} and p.status = 'published'${only}`,
  );
  return rows.map(entryOf);
}

/** Newest first: registered_at descending, then id (the SQL list's order). */
const newestFirst = (a: CatalogueEntry, b: CatalogueEntry) =>
  b.registered - a.registered || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function postings<K>(lists: Map<K, number[]>): Map<K, Int32Array> {
  const out = new Map<K, Int32Array>();
  for (const [k, v] of lists) out.set(k, Int32Array.from(v));
  return out;
}

function slotSets<K>(lists: Map<K, number[]>, n: number): Map<K, SlotSet> {
  const out = new Map<K, SlotSet>();
  for (const [k, v] of lists) out.set(k, setOfList(Int32Array.from(v), n));
  return out;
}

function push<K>(lists: Map<K, number[]>, key: K, slot: number) {
  const list = lists.get(key);
  if (!list) lists.set(key, [slot]);
  else if (list[list.length - 1] !== slot) list.push(slot);
}

/** Every character and every two adjacent characters of `text` (as youth_pairs_vector makes them). */
function piecesOf(text: string, lists: Map<string, number[]>, slot: number) {
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    push(lists, chars[i], slot);
    if (i + 1 < chars.length) push(lists, chars[i] + chars[i + 1], slot);
  }
}

/** The catalogue's indexes over `entries` (any order). */
export function buildCatalogue(unsorted: CatalogueEntry[]): Catalogue {
  const entries = [...unsorted].sort(newestFirst);
  const lexemes = new Map<string, number[]>();
  const pieces = new Map<string, number[]>();
  const trigrams = new Map<number, number[]>();
  const titlePieces = new Map<string, number[]>();
  const titleKeywordPieces = new Map<string, number[]>();
  for (let slot = 0; slot < entries.length; slot++) {
    const e = entries[slot];
    piecesOf(e.titleLower, titlePieces, slot);
    piecesOf(e.titleKeywordsLower, titleKeywordPieces, slot);
    if (e.lexemes) for (const lexeme of e.lexemes.split(SEP)) push(lexemes, lexeme, slot);
    const initials = Array.from(e.initials);
    for (let i = 0; i < initials.length; i++) {
      push(pieces, initials[i], slot);
      if (i + 1 < initials.length) push(pieces, initials[i] + initials[i + 1], slot);
      if (i + 2 < initials.length) push(pieces, initials[i] + initials[i + 1] + initials[i + 2], slot);
    }
    for (const t of e.titleTrigrams) push(trigrams, t, slot);
  }
  const lexemesByFirst = new Map<string, string[]>();
  for (const lexeme of lexemes.keys()) {
    const first = String.fromCodePoint(lexeme.codePointAt(0)!);
    const list = lexemesByFirst.get(first);
    if (list) list.push(lexeme);
    else lexemesByFirst.set(first, [lexeme]);
  }
  // Shorter titles rank first within a tier; ties keep the newest-first order of the slots.
  const byTitleLength = Int32Array.from(entries.keys()).sort(
    (a, b) => entries[a].titleLength - entries[b].titleLength || a - b,
  );
  const titleOrder = new Int32Array(entries.length);
  for (let i = 0; i < byTitleLength.length; i++) titleOrder[byTitleLength[i]] = i;
  const n = entries.length;
  const trigramStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) trigramStart[i + 1] = trigramStart[i] + entries[i].titleTrigrams.length;
  const trigramFlat = new Int32Array(trigramStart[n]);
  for (let i = 0; i < n; i++) trigramFlat.set(entries[i].titleTrigrams, trigramStart[i]);
  return {
    entries,
    trigramFlat,
    trigramStart,
    fewestTrigrams: entries.reduce(
      (min, e) => Math.min(min, e.titleTrigrams.length),
      Number.MAX_SAFE_INTEGER,
    ),
    lexemes: slotSets(lexemes, n),
    lexemesByFirst,
    initialPieces: slotSets(pieces, n),
    trigrams: postings(trigrams),
    titlePieces: slotSets(titlePieces, n),
    titleKeywordPieces: slotSets(titleKeywordPieces, n),
    registered: Float64Array.from(entries, (e) => e.registered),
    minAge: Int32Array.from(entries, (e) => e.minAge),
    maxAge: Int32Array.from(entries, (e) => e.maxAge),
    byTitleLength,
    titleOrder,
    itemHeads: new Array(n),
    prefixes: new Map(),
    corrections: new Map(),
    initialsOrders: new Map(),
    days: new Map(),
    regionFilters: new Map(),
    fieldFilters: new Map(),
    ageFilters: new Map(),
  };
}
