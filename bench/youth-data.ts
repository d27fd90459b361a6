import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.ts';

// The 993 real 온통청년 records (../shared/data, never copied into the repo) replicated to `count`:
// copy k of a record gets a new plcyNo and a title varied deterministically (a district prefix and
// a cohort suffix), so that copies are distinct to search and ranking but keep real Korean text.
const SOURCE = path.resolve(ROOT, '../shared/data/youth-policies/youth-policies.json');
const PREFIXES = ['영등포', '강서', '마포', '관악', '동작', '구로', '금천', '양천', '서초', '강남', '송파'];
const SUFFIXES = ['1기', '2기', '하반기', '상반기', '시즌2', '확대', '특별', '연장', '추가모집', '신규'];

export function replicatedPolicies(count: number): Record<string, string>[] {
  const base = JSON.parse(readFileSync(SOURCE, 'utf8')).result.youthPolicyList as Record<string, string>[];
  const out: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const rec = base[i % base.length];
    const copy = Math.floor(i / base.length);
    if (copy === 0) {
      out.push(rec);
      continue;
    }
    const prefix = PREFIXES[(copy + i) % PREFIXES.length];
    const suffix = SUFFIXES[(copy * 7 + i) % SUFFIXES.length];
    out.push({
      ...rec,
      plcyNo: `B${String(copy).padStart(2, '0')}${rec.plcyNo}`.slice(0, 40),
      plcyNm: `${prefix} ${rec.plcyNm} ${suffix}`.slice(0, 300),
    });
  }
  return out;
}

/** Writes the replicated records as a getPlcy envelope, the CLI's import format. */
export function writeReplicatedFile(file: string, count: number): void {
  writeFileSync(file, JSON.stringify({ result: { youthPolicyList: replicatedPolicies(count) } }));
}
