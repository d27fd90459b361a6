import {
  type Certification,
  type EnterpriseKind,
  seEnterprises,
} from '../../server/modules/social-economy/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { intBetween, pick, seededRandom } from './prng.ts';

// 258 SAMPLE enterprises whose counts match the 2019 report (사회적기업 43, 협동조합 211, 마을기업 2,
// 자활기업 2). Names are made up from word parts by a seeded PRNG; none is a real enterprise.
export const DEMO_ENTERPRISE_COUNTS: Record<EnterpriseKind, number> = {
  social_enterprise: 43,
  cooperative: 211,
  village_enterprise: 2,
  self_sufficiency: 2,
};

// The 18 동 of Yeongdeungpo-gu.
const DONGS = [
  '영등포본동',
  '영등포동',
  '여의동',
  '당산1동',
  '당산2동',
  '도림동',
  '문래동',
  '양평1동',
  '양평2동',
  '신길1동',
  '신길3동',
  '신길4동',
  '신길5동',
  '신길6동',
  '신길7동',
  '대림1동',
  '대림2동',
  '대림3동',
] as const;

const PREFIXES = [
  '함께',
  '나눔',
  '두레',
  '햇살',
  '새싹',
  '다온',
  '희망',
  '이음',
  '온기',
  '푸른',
  '우리',
  '한빛',
  '늘봄',
  '도담',
  '가온',
  '어울림',
  '꿈터',
  '모두',
  '살림',
  '해밀',
  '누리',
  '바른',
  '솔빛',
  '다정',
  '여의',
  '문래',
  '당산',
  '선유',
  '도림',
  '샛강',
  '안양천',
  '별빛',
  '마중',
  '동행',
] as const;

const CORES: Record<string, readonly string[]> = {
  care: ['돌봄', '요양', '아이돌봄', '건강나눔', '방문간호'],
  education: ['배움터', '책놀이', '코딩교실', '공부방', '진로학교'],
  food: ['밥상', '도시락', '반찬가게', '로스터리', '빵공방'],
  culture: ['공연예술', '문화놀이터', '사진관', '극단', '음악나눔'],
  environment: ['자원순환', '업사이클', '녹색가게', '햇빛발전', '도시농부'],
  manufacturing: ['공방', '인쇄소', '봉제', '목공소', '가죽공예'],
  cleaning: ['청소', '세탁', '방역', '클린케어'],
  it: ['디자인', '미디어', '소프트웨어', '영상제작', '웹스튜디오'],
  housing: ['집수리', '주거협동', '에너지집'],
  tourism: ['마을여행', '공정여행', '골목투어'],
};
const FIELDS = Object.keys(CORES);

interface SampleEnterprise {
  name: string;
  kind: EnterpriseKind;
  certification: Certification;
  district: string;
  field: string;
  employees: number;
}

function nameFor(
  kind: EnterpriseKind,
  base: string,
  random: () => number,
): { name: string; certification: Certification } {
  switch (kind) {
    case 'social_enterprise': {
      const certification: Certification = random() < 0.6 ? 'certified' : 'pre_certified';
      return { name: random() < 0.5 ? `(주)${base}` : `${base} 주식회사`, certification };
    }
    case 'cooperative':
      return random() < 0.15
        ? { name: `${base}사회적협동조합`, certification: 'social_cooperative' }
        : { name: `${base}협동조합`, certification: 'general_cooperative' };
    case 'village_enterprise':
      return { name: `${base} 마을기업`, certification: 'designated' };
    case 'self_sufficiency':
      return { name: `${base} 자활기업`, certification: 'approved' };
  }
}

const EMPLOYEES: Record<EnterpriseKind, [number, number]> = {
  social_enterprise: [3, 40],
  cooperative: [1, 15],
  village_enterprise: [2, 10],
  self_sufficiency: [3, 20],
};

/** The sample enterprises, the same list every time. */
export function sampleEnterprises(seed = 2019): SampleEnterprise[] {
  const random = seededRandom(seed);
  const used = new Set<string>();
  const out: SampleEnterprise[] = [];
  for (const kind of Object.keys(DEMO_ENTERPRISE_COUNTS) as EnterpriseKind[]) {
    for (let i = 0; i < DEMO_ENTERPRISE_COUNTS[kind]; i++) {
      for (;;) {
        const field = pick(random, FIELDS);
        const base = `${pick(random, PREFIXES)}${pick(random, CORES[field])}`;
        const { name, certification } = nameFor(kind, base, random);
        if (used.has(name)) continue;
        used.add(name);
        const [min, max] = EMPLOYEES[kind];
        out.push({
          name,
          kind,
          certification,
          field,
          district: pick(random, DONGS),
          employees: intBetween(random, min, max),
        });
        break;
      }
    }
  }
  return out;
}

export async function buildEnterprises(tx: DbOrTx, organizationId: string): Promise<void> {
  const rows = sampleEnterprises().map((e) => ({ organizationId, ...e, isSample: true }));
  await tx.insert(seEnterprises).values(rows).onConflictDoNothing();
}
