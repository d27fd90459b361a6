import { getChoseong } from 'es-hangul';
import { replicatedPolicies } from './youth-data.ts';

// The varied search workload: tens of thousands of distinct list requests made from the words of
// the real policy titles, so that no answer cache can help. Deterministic (seeded), so a run before
// and after a change asks the same things.

/** mulberry32: a small seeded generator (the workload must be the same in every run). */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HANGUL_RUN = /[\uac00-\ud7a3]+/g;
const ASCII_WORD = /\b[A-Za-z]{2,}\b/g;
const FIELDS = ['jobs', 'housing', 'education', 'welfare', 'participation'];
const STATUSES = ['open', 'closing_soon', 'upcoming', 'always_open', 'closed'];

export type QueryKind = 'word' | 'words' | 'initials' | 'typo' | 'syllable' | 'latin' | 'filters-only';

export interface WorkloadRequest {
  path: string;
  kind: QueryKind;
}

/**
 * `count` distinct GET /api/v1/youth/policies paths. The query mix: a title word or part of one
 * (35%), two or three words (15%; of one title 70% of the time), 초성 of a title word (15%, e.g. ㅊㅇ, ㅈㄱ, ㅊㄴㅊㅇ), a title
 * word with a typo (10%: a syllable changed, or two swapped), one syllable (2%), a Latin word such
 * as AI or ICT (5%), no words at all (18%); each with field, region, age and status filters, a
 * sort and a page size drawn independently.
 */
export function variedSearchRequests(count: number, policies = 993, seed = 8): WorkloadRequest[] {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const records = replicatedPolicies(policies);
  const words = new Set<string>();
  const titles: string[][] = [];
  const latin = new Set<string>();
  const regions = new Set<string>(['11560']);
  for (const r of records.slice(0, 993)) {
    const own = (r.plcyNm.match(HANGUL_RUN) ?? []).filter((w) => w.length >= 2);
    for (const w of own) words.add(w);
    if (own.length >= 2) titles.push(own);
    for (const w of r.plcyNm.match(ASCII_WORD) ?? []) latin.add(w);
    for (const z of (r.zipCd ?? '').split(',')) if (/^\d{5}$/.test(z)) regions.add(z);
  }
  const vocabulary = [...words].sort();
  const latinWords = [...latin].sort();
  const regionCodes = [...regions].sort();
  // A piece of a word: the whole word, or two to four syllables of it.
  const piece = () => {
    const w = pick(vocabulary);
    if (w.length <= 2 || rnd() < 0.5) return w;
    const n = Math.min(w.length, 2 + Math.floor(rnd() * 3));
    const at = Math.floor(rnd() * (w.length - n + 1));
    return w.slice(at, at + n);
  };
  const typo = () => {
    let w = pick(vocabulary);
    for (let i = 0; i < 20 && w.length < 3; i++) w = pick(vocabulary);
    const chars = Array.from(w);
    const at = Math.floor(rnd() * chars.length);
    if (rnd() < 0.5 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
    else chars[at] = String.fromCharCode(0xac00 + Math.floor(rnd() * 11172));
    return chars.join('');
  };
  const seen = new Set<string>();
  const out: WorkloadRequest[] = [];
  for (let guard = 0; out.length < count && guard < count * 20; guard++) {
    const r = rnd();
    let kind: QueryKind;
    let q: string | undefined;
    if (r < 0.35) {
      kind = 'word';
      q = piece();
    } else if (r < 0.5) {
      kind = 'words';
      // Mostly words of one title (as people type them), sometimes words that never meet.
      const own = pick(titles);
      const n = 2 + Math.floor(rnd() * 2);
      q = (rnd() < 0.7 ? own.slice(0, n) : Array.from({ length: n }, piece)).join(' ');
    } else if (r < 0.65) {
      kind = 'initials';
      q = getChoseong(piece()).slice(0, 2 + Math.floor(rnd() * 3));
    } else if (r < 0.75) {
      kind = 'typo';
      q = typo();
    } else if (r < 0.77) {
      kind = 'syllable';
      q = pick(vocabulary)[0];
    } else if (r < 0.82 && latinWords.length > 0) {
      kind = 'latin';
      q = pick(latinWords);
    } else {
      kind = 'filters-only';
    }
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (rnd() < 0.25) params.set('field', pick(FIELDS));
    if (rnd() < 0.3) params.set('region', pick(regionCodes));
    if (rnd() < 0.4) params.set('age', String(15 + Math.floor(rnd() * 26)));
    if (rnd() < 0.25) params.set('status', pick(STATUSES));
    const s = rnd();
    if (s < 0.25) params.set('sort', 'deadline');
    else if (s < 0.4) params.set('sort', 'newest');
    params.set('limit', String(10 + Math.floor(rnd() * 41)));
    const path = `/api/v1/youth/policies?${params}`;
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, kind });
  }
  return out;
}
