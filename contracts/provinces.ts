import { SEOUL_DISTRICTS } from './regions.ts';

// The region table of regions.ts by 시도 (a 시군구 code starts with its 시도's two digits), for
// choosing regions by name: 시도 first, then its 시군구. Only the 시도 the table holds are listed.
type Name = { ko: string; en: string };

export const PROVINCES: Record<string, Name> = {
  '11': { ko: '서울특별시', en: 'Seoul' },
};

/** The 시군구 codes the table holds under a 시도, in code order. */
export const districtsOf = (province: string): string[] =>
  Object.keys(SEOUL_DISTRICTS)
    .filter((code) => code.startsWith(province))
    .sort();

/** A 시군구's name, or null when the table does not hold the code. */
export const regionName = (code: string): Name | null => SEOUL_DISTRICTS[code] ?? null;
