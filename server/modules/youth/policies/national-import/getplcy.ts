import type { ApplyPeriodKind, PolicyField } from '../../../../../contracts/youth-policies.ts';

// The 온통청년 getPlcy record format: reading one record into our columns, and writing it back.
// Every value is a string; blanks, 8-space dates, "0" ages and entity-escaped URLs are the
// source's ways of saying "nothing" or of quoting, not data.

export interface ParsedRound {
  startsOn: string; // YYYY-MM-DD
  endsOn: string;
}

/** One policy as our columns hold it (see ../tables.ts). */
export interface ParsedPolicy {
  externalId: string;
  title: string;
  summary: string;
  supportContent: string;
  fieldMajor: string;
  fieldMinor: string;
  fields: PolicyField[];
  keywords: string[];
  operator: string;
  supervisor: string;
  applyPeriodKind: ApplyPeriodKind;
  rounds: ParsedRound[];
  businessPeriodKind: string | null;
  businessStartsOn: string | null;
  businessEndsOn: string | null;
  businessPeriodOther: string;
  howToApply: string;
  reviewMethod: string;
  documents: string;
  otherNotes: string;
  applicationUrl: string;
  referenceUrls: string[];
  supportScale: string;
  minAge: number;
  maxAge: number;
  regionCodes: string[];
  employmentCodes: string[];
  educationCodes: string[];
  majorCodes: string[];
  specialGroupCodes: string[];
  maritalCodes: string[];
  incomeCondition: string | null;
  incomeMin: number;
  incomeMax: number;
  incomeOther: string | null;
  additionalConditions: string;
  excludedTargets: string;
  registeredAt: string | null; // ISO with +09:00
  sourceModifiedAt: string | null;
}

/** Why a record cannot be read: an i18n key under youth.import.* and its parameters. */
export interface RecordProblem {
  code: string;
  params?: Record<string, string | number>;
}

export type ParseOutcome =
  | { ok: true; policy: ParsedPolicy; raw: Record<string, string> }
  | { ok: false; externalId: string | null; problem: RecordProblem };

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  middot: '·',
  sdot: '⋅',
  rarr: '→',
  larr: '←',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  bull: '•',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  times: '×',
};

/**
 * Decodes named (the common ones) and numeric HTML character references; others stay as written.
 * Some texts were escaped twice (`&amp;bull;`), so decoding repeats until nothing changes.
 */
export function decodeEntities(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    const next = decodeOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

function decodeOnce(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Trimmed, NFC, entities decoded, and U+1B3C (a Balinese letter some sources use) back to a middle dot. */
export const cleanText = (v: string) => decodeEntities(v.normalize('NFC').replace(/\u1b3c/g, '·')).trim();

const list = (v: string) => [
  ...new Set(
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

const FIELD_BY_LABEL: Record<string, PolicyField> = {
  일자리: 'jobs',
  주거: 'housing',
  교육: 'education',
  '교육･직업훈련': 'education',
  교육·직업훈련: 'education',
  복지문화: 'welfare',
  '금융･복지･문화': 'welfare',
  금융·복지·문화: 'welfare',
  참여권리: 'participation',
  '참여･기반': 'participation',
  참여·기반: 'participation',
};
export const fieldsOf = (major: string): PolicyField[] => [
  ...new Set(list(major).flatMap((l) => (FIELD_BY_LABEL[l] ? [FIELD_BY_LABEL[l]] : []))),
];

const PERIOD_KIND: Record<string, ApplyPeriodKind> = {
  '0057001': 'dates',
  '0057002': 'always',
  '0057003': 'closed',
};
const PERIOD_CODE: Record<ApplyPeriodKind, string> = {
  dates: '0057001',
  always: '0057002',
  closed: '0057003',
};

class Problem extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** YYYYMMDD → YYYY-MM-DD, null when blank; a Problem when it is not a real calendar day. */
function day(v: string, field: string): string | null {
  const s = v.trim();
  if (!s) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])
    throw new Problem('bad_date', { field, value: s.slice(0, 20) });
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function count(v: string, field: string): number {
  const s = v.trim();
  if (!s) return 0;
  if (!/^\d{1,7}$/.test(s)) throw new Problem('bad_number', { field, value: s.slice(0, 20) });
  return Number(s);
}

function codes(v: string, field: string, pattern: RegExp): string[] {
  const out = list(v);
  const bad = out.find((c) => !pattern.test(c));
  if (bad !== undefined) throw new Problem('bad_code', { field, value: bad.slice(0, 20) });
  return out;
}

/** Rounds "YYYYMMDD ~ YYYYMMDD", several joined by a literal backslash-N (or a line break). */
export function parseRounds(v: string): ParsedRound[] {
  const rounds: ParsedRound[] = [];
  for (const part of v.split(/\\N|\r?\n/)) {
    if (!part.trim()) continue;
    const m = /^\s*(\d{8})\s*~\s*(\d{8})\s*$/.exec(part);
    if (!m) throw new Problem('bad_round', { value: part.trim().slice(0, 40) });
    const startsOn = day(m[1], 'aplyYmd')!;
    const endsOn = day(m[2], 'aplyYmd')!;
    if (startsOn > endsOn) throw new Problem('round_inverted', { value: part.trim() });
    rounds.push({ startsOn, endsOn });
  }
  return rounds;
}

/** A URL the page can link to: entities decoded, a bare host given https, anything else dropped. */
export function cleanUrl(v: string): string {
  const s = cleanText(v).replace(/\s+/g, '');
  if (!s) return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s)
    ? s
    : /^[\w-]+(\.[\w-]+)+([/?#:]|$)/.test(s)
      ? `https://${s}`
      : '';
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? withScheme : '';
  } catch {
    return '';
  }
}

/** 'yyyy-MM-dd HH:mm:ss' in Korean time → ISO with offset; null when blank or malformed. */
function koreanTimestamp(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(v.trim());
  return m && !Number.isNaN(Date.parse(`${m[1]}T${m[2]}+09:00`)) ? `${m[1]}T${m[2]}+09:00` : null;
}

/** Reads one getPlcy record; a record that cannot be read comes back with the reason. */
export function parseGetPlcyRecord(input: unknown): ParseOutcome {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, externalId: null, problem: { code: 'not_an_object' } };
  const rec = input as Record<string, unknown>;
  const rawId = typeof rec.plcyNo === 'string' ? rec.plcyNo.trim() : '';
  const externalId = /^[0-9A-Za-z_-]{1,40}$/.test(rawId) ? rawId : null;
  try {
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(rec)) {
      if (v === null || v === undefined) continue;
      if (typeof v === 'number') raw[k] = String(v);
      else if (typeof v === 'string') raw[k] = v;
      else throw new Problem('not_text', { field: k.slice(0, 40) });
    }
    if (!externalId) throw new Problem('missing_id');
    const s = (k: string) => raw[k] ?? '';
    const text = (k: string) => cleanText(s(k));
    const title = text('plcyNm');
    if (!title) throw new Problem('missing_title');
    if (title.length > 300) throw new Problem('title_too_long');
    const periodCode = s('aplyPrdSeCd').trim();
    const rounds = parseRounds(s('aplyYmd'));
    const applyPeriodKind = periodCode ? PERIOD_KIND[periodCode] : rounds.length ? 'dates' : 'always';
    if (!applyPeriodKind)
      throw new Problem('bad_code', { field: 'aplyPrdSeCd', value: periodCode.slice(0, 20) });
    const minAge = count(s('sprtTrgtMinAge'), 'sprtTrgtMinAge');
    const maxAge = count(s('sprtTrgtMaxAge'), 'sprtTrgtMaxAge');
    if (minAge > 999 || maxAge > 999)
      throw new Problem('bad_number', { field: 'sprtTrgtMaxAge', value: maxAge });
    if (minAge > 0 && maxAge > 0 && minAge > maxAge)
      throw new Problem('ages_inverted', { min: minAge, max: maxAge });
    const businessStartsOn = day(s('bizPrdBgngYmd'), 'bizPrdBgngYmd');
    const businessEndsOn = day(s('bizPrdEndYmd'), 'bizPrdEndYmd');
    const incomeCondition = s('earnCndSeCd').trim() || null;
    if (incomeCondition && !/^0043\d{3}$/.test(incomeCondition))
      throw new Problem('bad_code', { field: 'earnCndSeCd', value: incomeCondition.slice(0, 20) });
    const scaleCount = s('sprtSclCnt').trim();
    const policy: ParsedPolicy = {
      externalId,
      title,
      summary: text('plcyExplnCn'),
      supportContent: text('plcySprtCn'),
      fieldMajor: text('lclsfNm'),
      fieldMinor: text('mclsfNm'),
      fields: fieldsOf(text('lclsfNm')),
      keywords: list(text('plcyKywdNm')),
      operator: text('operInstCdNm'),
      supervisor: text('sprvsnInstCdNm'),
      applyPeriodKind,
      rounds: applyPeriodKind === 'dates' ? rounds : [],
      businessPeriodKind: s('bizPrdSeCd').trim() || null,
      businessStartsOn,
      businessEndsOn,
      businessPeriodOther: text('bizPrdEtcCn'),
      howToApply: text('plcyAplyMthdCn'),
      reviewMethod: text('srngMthdCn'),
      documents: text('sbmsnDcmntCn'),
      otherNotes: text('etcMttrCn'),
      applicationUrl: cleanUrl(s('aplyUrlAddr')),
      referenceUrls: [cleanUrl(s('refUrlAddr1')), cleanUrl(s('refUrlAddr2'))].filter(Boolean),
      supportScale: scaleCount && scaleCount !== '0' ? scaleCount : '',
      minAge,
      maxAge,
      regionCodes: codes(s('zipCd'), 'zipCd', /^\d{5}$/),
      employmentCodes: codes(s('jobCd'), 'jobCd', /^0013\d{3}$/),
      educationCodes: codes(s('schoolCd'), 'schoolCd', /^0049\d{3}$/),
      majorCodes: codes(s('plcyMajorCd'), 'plcyMajorCd', /^0011\d{3}$/),
      specialGroupCodes: codes(s('sbizCd'), 'sbizCd', /^0014\d{3}$/),
      maritalCodes: codes(s('mrgSttsCd'), 'mrgSttsCd', /^0055\d{3}$/),
      incomeCondition,
      incomeMin: count(s('earnMinAmt'), 'earnMinAmt'),
      incomeMax: count(s('earnMaxAmt'), 'earnMaxAmt'),
      incomeOther: text('earnEtcCn') || null,
      additionalConditions: text('addAplyQlfcCndCn'),
      excludedTargets: text('ptcpPrpTrgtCn'),
      registeredAt: koreanTimestamp(s('frstRegDt')),
      sourceModifiedAt: koreanTimestamp(s('lastMdfcnDt')),
    };
    return { ok: true, policy, raw };
  } catch (e) {
    if (e instanceof Problem) return { ok: false, externalId, problem: { code: e.code, params: e.params } };
    throw e;
  }
}

const compact = (d: string | null) => (d ? d.replaceAll('-', '') : '');
const koreanTime = (iso: string | null) => {
  if (!iso) return '';
  const t = new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
};

/**
 * Writes a policy back as a getPlcy record. Fields we do not keep as columns (plan numbers,
 * registering bodies, …) come from the record as it was imported, so nothing is lost.
 */
export function toGetPlcyRecord(
  p: ParsedPolicy,
  original: Record<string, string> | null,
): Record<string, string> {
  const out: Record<string, string> = { ...(original ?? {}) };
  const set: Record<string, string> = {
    plcyNo: p.externalId,
    plcyNm: p.title,
    plcyKywdNm: p.keywords.join(','),
    plcyExplnCn: p.summary,
    lclsfNm: p.fieldMajor,
    mclsfNm: p.fieldMinor,
    plcySprtCn: p.supportContent,
    sprvsnInstCdNm: p.supervisor,
    operInstCdNm: p.operator,
    sprtSclLmtYn: original?.sprtSclLmtYn ?? (p.supportScale ? 'Y' : 'N'),
    aplyPrdSeCd: PERIOD_CODE[p.applyPeriodKind],
    bizPrdSeCd: p.businessPeriodKind ?? '',
    bizPrdBgngYmd: compact(p.businessStartsOn),
    bizPrdEndYmd: compact(p.businessEndsOn),
    bizPrdEtcCn: p.businessPeriodOther,
    plcyAplyMthdCn: p.howToApply,
    srngMthdCn: p.reviewMethod,
    aplyUrlAddr: p.applicationUrl,
    sbmsnDcmntCn: p.documents,
    etcMttrCn: p.otherNotes,
    refUrlAddr1: p.referenceUrls[0] ?? '',
    refUrlAddr2: p.referenceUrls[1] ?? '',
    sprtSclCnt: p.supportScale || '0',
    sprtTrgtMinAge: String(p.minAge),
    sprtTrgtMaxAge: String(p.maxAge),
    mrgSttsCd: p.maritalCodes.join(','),
    earnCndSeCd: p.incomeCondition ?? '',
    earnMinAmt: String(p.incomeMin),
    earnMaxAmt: String(p.incomeMax),
    earnEtcCn: p.incomeOther ?? '',
    addAplyQlfcCndCn: p.additionalConditions,
    ptcpPrpTrgtCn: p.excludedTargets,
    zipCd: p.regionCodes.join(','),
    plcyMajorCd: p.majorCodes.join(','),
    jobCd: p.employmentCodes.join(','),
    schoolCd: p.educationCodes.join(','),
    aplyYmd: p.rounds.map((r) => `${compact(r.startsOn)} ~ ${compact(r.endsOn)}`).join('\\N'),
    frstRegDt: koreanTime(p.registeredAt),
    lastMdfcnDt: koreanTime(p.sourceModifiedAt),
    sbizCd: p.specialGroupCodes.join(','),
  };
  return Object.assign(out, set);
}
