import { and, eq, inArray } from 'drizzle-orm';
import { insertPublishedPolicy } from '../../server/modules/youth/policies/index.ts';
import { youthPolicies } from '../../server/modules/youth/policies/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { addDays, todayInSeoul } from '../../server/platform/time/index.ts';

// The youth programmes of the 2019 work plan (청년지원팀) as local policies, so the youth pages of a
// fresh demo have something to find, fit and follow. Application dates are set around the day the
// demo is loaded, giving one policy of each status; the national catalogue comes by import.
const YDP = '11560'; // 영등포구
const NOT_EMPLOYED = ['0013003']; // 미취업자

const day = (offset: number): string => addDays(todayInSeoul(), offset);
// The programmes run for a year around the demo's day (사업 기간), covering every application round.
const thisYear = () => ({ businessStartsOn: day(-90), businessEndsOn: day(275) });

const DEMO_POLICIES = () => [
  {
    title: '1인 미디어 크리에이터 양성 과정',
    summary: '지역주도형 청년일자리 사업으로 경쟁력 있는 1인 미디어 창작자를 발굴하고 육성합니다.',
    supportContent: '촬영·편집 교육, 채널 기획 멘토링, 수료 후 제작 공간 이용을 지원합니다.',
    fields: ['jobs' as const],
    keywords: ['1인미디어', '크리에이터', '직업훈련'],
    operator: '영등포구 사회적경제과 청년지원팀',
    ...thisYear(),
    minAge: 18,
    maxAge: 39,
    regionCodes: [YDP],
    employmentCodes: NOT_EMPLOYED,
    rounds: [{ startsOn: day(-5), endsOn: day(20) }],
    howToApply: '누리집에서 신청서를 내려받아 전자우편으로 제출합니다.',
    supportScale: '30명',
  },
  {
    title: '빅데이터 분석 전문가 양성 과정',
    summary: '빅데이터 분석과 활용 교육으로 데이터 분야 전문 인재를 기릅니다.',
    supportContent: '실습 중심 교육 4개월과 기업 연계 프로젝트, 취업 상담을 제공합니다.',
    fields: ['jobs' as const, 'education' as const],
    keywords: ['빅데이터', '취업', '교육'],
    operator: '영등포구 사회적경제과 청년지원팀',
    ...thisYear(),
    minAge: 18,
    maxAge: 39,
    regionCodes: [YDP],
    rounds: [{ startsOn: day(-10), endsOn: day(4) }],
    supportScale: '25명',
  },
  {
    title: '청년 취·창업 아카데미',
    summary: '자기소개서와 모의 면접 컨설팅, 진로·적성 검사, 코딩 교육과 기업 탐방을 운영합니다.',
    supportContent: 'NCS 기반 자기소개서 첨삭, 모의 면접, 핀테크·웹/앱 코딩 교육, 멘토링과 기업 탐방.',
    fields: ['jobs' as const],
    keywords: ['취업', '창업', '면접', '코딩'],
    operator: '영등포구 사회적경제과 청년지원팀',
    businessPeriodOther: '연중 상시 운영',
    minAge: 18,
    maxAge: 39,
    applyPeriodKind: 'always' as const,
    howToApply: '무중력지대 영등포에서 상시 신청합니다.',
  },
  {
    title: '청년 프로젝트 공모사업',
    summary: '청년 모임의 아이디어를 공모해 지역 문제를 푸는 청년 활동을 지원합니다.',
    supportContent: '선정된 모임에 활동비와 공간, 전문가 자문을 지원합니다.',
    fields: ['participation' as const],
    keywords: ['공모', '청년모임', '사회참여'],
    operator: '영등포구 사회적경제과 청년지원팀',
    ...thisYear(),
    minAge: 18,
    maxAge: 39,
    rounds: [{ startsOn: day(15), endsOn: day(45) }],
    supportScale: '10개 모임, 모임당 최대 300만 원',
  },
  {
    title: 'ICT 취업박람회 참가 지원',
    summary: 'IT 기업과 함께하는 취업박람회에서 현장 면접과 상담을 받을 수 있습니다.',
    fields: ['jobs' as const],
    keywords: ['취업박람회', 'IT'],
    operator: '영등포구 사회적경제과 청년지원팀',
    ...thisYear(),
    minAge: 18,
    maxAge: 39,
    rounds: [{ startsOn: day(-60), endsOn: day(-30) }],
  },
];

export async function buildYouthPolicies(tx: DbOrTx, organizationId: string): Promise<void> {
  const policies = DEMO_POLICIES();
  const existing = await tx
    .select({ title: youthPolicies.title })
    .from(youthPolicies)
    .where(
      and(
        eq(youthPolicies.organizationId, organizationId),
        inArray(
          youthPolicies.title,
          policies.map((p) => p.title),
        ),
      ),
    );
  const have = new Set(existing.map((e) => e.title));
  for (const p of policies) if (!have.has(p.title)) await insertPublishedPolicy(tx, organizationId, p);
}
