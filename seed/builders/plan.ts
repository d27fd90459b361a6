import { and, eq } from 'drizzle-orm';
import type { PlanItemKind } from '../../contracts/administration.ts';
import {
  adminPlanItems,
  adminPlanTargets,
  type TargetPer,
  type TargetUnit,
} from '../../server/modules/administration/tables.ts';
import { parseTargetText } from '../../server/modules/administration/targets.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { type DemoTeamCode, teamId } from './teams.ts';

// 2019 주요업무 추진계획 (four plan items) and 신규·중점 추진사업 (two key projects). Budgets in 천원
// as the report prints them; targets are the report's own lines, read by parseTargetText.
interface DemoTarget {
  text: string;
  en: string;
  bareUnit?: TargetUnit;
}
interface DemoPlanItem {
  kind: PlanItemKind;
  number: number;
  titleKo: string;
  titleEn: string;
  team: DemoTeamCode;
  period: [string, string];
  national: number;
  city: number;
  district: number;
  total: number;
  targetsPer: TargetPer;
  targets: DemoTarget[];
}

const YEAR_2019: [string, string] = ['2019-01-01', '2019-12-31'];

export const DEMO_PLAN_2019: DemoPlanItem[] = [
  {
    kind: 'plan',
    number: 1,
    titleKo: '연대와 협력을 통한 사회적경제 활성화 추진',
    titleEn: 'Activating the social economy through solidarity and cooperation',
    team: 'social-economy-policy',
    period: YEAR_2019,
    national: 0,
    city: 105_000,
    district: 428_073,
    total: 533_073,
    targetsPer: 'year',
    targets: [
      {
        text: '지역문제 해결형 재정지원(구비) 사업 추진: 10개 기업 이내',
        en: 'District grants for enterprises solving local problems: up to 10 enterprises',
      },
      {
        text: '신규 기업 발굴 및 육성을 위한 공간지원사업 추진 : 8개',
        en: 'Space support to find and grow new enterprises: 8',
        bareUnit: 'enterprises',
      },
      {
        text: '사회적경제기업 발굴 및 유치를 위한 통합 사업설명회 개최: 연 2회 이상',
        en: 'Integrated briefings to find and attract enterprises: at least twice a year',
      },
      {
        text: '주민 및 공무원, 위탁시설직원 교육 및 컨설팅 추진: 6회 이상',
        en: 'Education and consulting for residents, officials and contracted staff: 6 or more',
      },
      {
        text: '마을,지역협치,복지,도시재생 등 관련 조직과의 정기적 회의체 운영: 분기 1회',
        en: 'Regular network meetings with village, governance, welfare and urban-regeneration bodies: once a quarter',
      },
      {
        text: '지역에 맞는 사회적경제 활성화를 위한 세미나 개최: 연 1회',
        en: 'Seminar on activating the local social economy: once a year',
      },
      { text: '사회적경제 한마당 축제 개최(2회)', en: 'Social economy festival (한마당 축제): twice' },
      {
        text: '사회적경제기업 실태조사 추진: 연 1회',
        en: 'Survey of social-economy enterprises (실태조사): once a year',
      },
    ],
  },
  {
    kind: 'plan',
    number: 2,
    titleKo: '사회적경제기업 육성 및 역량 강화',
    titleEn: 'Growing social-economy enterprises and their capacity',
    team: 'social-economy-policy',
    period: YEAR_2019,
    national: 622_500,
    city: 247_313,
    district: 297_575,
    total: 1_167_388,
    targetsPer: 'year',
    targets: [],
  },
  {
    kind: 'plan',
    number: 3,
    titleKo: '협치친화적 구정문화 확산',
    titleEn: 'Spreading a governance-friendly culture in district affairs',
    team: 'local-governance',
    period: YEAR_2019,
    national: 0,
    city: 221_000,
    district: 7_000,
    total: 228_000,
    targetsPer: 'year',
    targets: [],
  },
  {
    kind: 'plan',
    number: 4,
    titleKo: '청년의 사회적 자립기반 지원강화',
    titleEn: "Stronger support for young people's social independence",
    team: 'youth-support',
    period: YEAR_2019,
    national: 82_550,
    city: 130_300,
    district: 264_400,
    total: 477_250,
    targetsPer: 'year',
    targets: [],
  },
  {
    kind: 'key_project',
    number: 1,
    titleKo: '2019 지역사회혁신계획 협치사업 운영',
    titleEn: 'Running the governance projects of the 2019 community innovation plan',
    team: 'local-governance',
    period: YEAR_2019,
    national: 0,
    city: 1_000_000,
    district: 0,
    total: 1_000_000,
    targetsPer: 'total',
    targets: [
      {
        text: '2019 영등포구 지역사회혁신계획 협치사업: 10개',
        en: 'Governance projects of the 2019 community innovation plan: 10',
        bareUnit: 'projects',
      },
      { text: '협치사업 주관부서: 8개 부서', en: 'Lead departments of the governance projects: 8' },
      {
        text: '사업별 민-관-전문가 워킹그룹 구성: 10명 이내',
        en: 'Working group per project (citizens, officials, experts): at most 10 members',
      },
    ],
  },
  {
    kind: 'key_project',
    number: 2,
    titleKo: '청년의 행복한 사회진입을 위한 청년지원플랫폼 조성',
    titleEn: "A youth support platform for young people's happy entry into society",
    team: 'youth-support',
    period: YEAR_2019,
    national: 400_000,
    city: 437_000,
    district: 282_000,
    total: 1_119_000,
    targetsPer: 'total',
    targets: [],
  },
];

const won = (thousand: number) => thousand * 1000;

export async function buildPlan(tx: DbOrTx, organizationId: string): Promise<void> {
  for (const item of DEMO_PLAN_2019) {
    const team = await teamId(tx, organizationId, item.team);
    await tx
      .insert(adminPlanItems)
      .values({
        organizationId,
        year: 2019,
        kind: item.kind,
        number: item.number,
        titleKo: item.titleKo,
        titleEn: item.titleEn,
        teamId: team,
        periodStart: item.period[0],
        periodEnd: item.period[1],
        nationalWon: won(item.national),
        cityWon: won(item.city),
        districtWon: won(item.district),
        totalWon: won(item.total),
      })
      .onConflictDoNothing();
    if (item.targets.length === 0) continue;
    const [row] = await tx
      .select({ id: adminPlanItems.id })
      .from(adminPlanItems)
      .where(
        and(
          eq(adminPlanItems.organizationId, organizationId),
          eq(adminPlanItems.year, 2019),
          eq(adminPlanItems.kind, item.kind),
          eq(adminPlanItems.number, item.number),
        ),
      );
    const targets = item.targets.map((t, i) => {
      const parsed = parseTargetText(t.text, { bareUnit: t.bareUnit, defaultPer: item.targetsPer });
      if (!parsed) throw new Error(`The demo target "${t.text}" holds no count`);
      return { organizationId, planItemId: row.id, position: i + 1, ...parsed, descriptionEn: t.en };
    });
    await tx.insert(adminPlanTargets).values(targets).onConflictDoNothing();
  }
}
