import { and, eq } from 'drizzle-orm';
import { adminTeams } from '../../server/modules/administration/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';

// The division's three teams (2019). Duties are summarised from the report's plan sections.
export const DEMO_TEAMS = [
  {
    code: 'social-economy-policy',
    nameKo: '사회적경제정책팀',
    nameEn: 'Social Economy Policy Team',
    duties: [
      { ko: '사회적경제 육성 기본계획 수립', en: 'Basic plan for fostering the social economy' },
      {
        ko: '사회적경제기업 재정·공간 지원 및 지도점검',
        en: 'Financial and space support for social-economy enterprises, and inspections',
      },
      { ko: '공공구매 활성화 및 판로 지원', en: 'Public procurement and sales channels' },
      { ko: '사회적경제지원센터 운영', en: 'Running the Social Economy Support Center' },
      {
        ko: '사회적경제 네트워크, 교육 및 한마당 축제',
        en: 'Social-economy networks, education and the festival',
      },
    ],
  },
  {
    code: 'youth-support',
    nameKo: '청년지원팀',
    nameEn: 'Youth Support Team',
    duties: [
      { ko: '청년 정책 발굴 및 청년 활동 지원', en: 'Youth policy and support for youth activities' },
      { ko: '청년 일자리 및 취·창업 교육', en: 'Youth jobs, employment and start-up training' },
      {
        ko: '무중력지대-영등포 및 청년건축학교 운영',
        en: 'Running Zero Gravity Zone Yeongdeungpo and the Youth Architecture School',
      },
      { ko: '청년온라인플랫폼 구축 및 운영', en: 'Building and running the youth online platform' },
    ],
  },
  {
    code: 'local-governance',
    nameKo: '지역협치팀',
    nameEn: 'Local Governance Team',
    duties: [
      { ko: '지역사회혁신계획 수립', en: 'The community innovation plan' },
      { ko: '협치사업 및 워킹그룹 운영 지원', en: 'Governance projects and their working groups' },
      {
        ko: '민관협치 네트워크 및 영등포구협치회의 운영',
        en: 'The public–private governance network and the Yeongdeungpo Governance Council',
      },
      {
        ko: '타운홀미팅, 온라인공론장 등 구민 참여채널 운영',
        en: 'Town halls, the online public forum and other channels for residents',
      },
    ],
  },
] as const;
export type DemoTeamCode = (typeof DEMO_TEAMS)[number]['code'];

export async function buildTeams(tx: DbOrTx, organizationId: string): Promise<void> {
  await tx
    .insert(adminTeams)
    .values(
      DEMO_TEAMS.map((t, i) => ({
        organizationId,
        code: t.code,
        nameKo: t.nameKo,
        nameEn: t.nameEn,
        duties: [...t.duties],
        position: i + 1,
      })),
    )
    .onConflictDoNothing();
}

/** The id of a demo team; the teams builder must have run. */
export async function teamId(tx: DbOrTx, organizationId: string, code: DemoTeamCode): Promise<string> {
  const [row] = await tx
    .select({ id: adminTeams.id })
    .from(adminTeams)
    .where(and(eq(adminTeams.organizationId, organizationId), eq(adminTeams.code, code)));
  if (!row) throw new Error(`Demo team ${code} is missing: run the teams builder first`);
  return row.id;
}
