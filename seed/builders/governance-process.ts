import { and, eq } from 'drizzle-orm';
import type { Phase } from '../../contracts/governance-processes.ts';
import type { ProposalCategory, Stance } from '../../contracts/governance-proposals.ts';
import {
  governanceDebateComments,
  governanceDebates,
} from '../../server/modules/governance/debates/tables.ts';
import {
  governanceProcesses,
  governanceProcessPhases,
} from '../../server/modules/governance/processes/tables.ts';
import {
  governanceProposalComments,
  governanceProposalSupports,
  governanceProposals,
} from '../../server/modules/governance/proposals/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { addDays } from '../../server/platform/time/dates.ts';
import { todayInSeoul } from '../../server/platform/time/seoul.ts';
import { buildSampleProposalImage } from './governance-proposal-image.ts';

// A SAMPLE participatory process (참여 과정, issue 11) for the 2020 community-innovation plan, in
// its agenda phase with proposals open on the day the demo is loaded (the phases are dated from
// that day), and eleven sample proposals from generated residents (no accounts): their supports
// are sample rows without a person, their comments carry a sample label. More than one page of
// ten, so the list's paging shows. One of them carries a sample illustration (governance-proposal-image.ts).

export const SAMPLE_PROCESS_TITLE = '[예시] 2020 지역사회혁신계획 주민 제안';
const SUPPORT_THRESHOLD = 20;
const SAMPLE_AUTHOR = '예시 주민';

type SampleProposal = {
  title: string;
  body: string;
  category: ProposalCategory;
  place: string;
  supports: number;
  comments: [Stance, string][];
};

const PROPOSALS: SampleProposal[] = [
  {
    title: '동마다 어르신 마을 돌봄 쉼터를 만들어 주십시오',
    body: '혼자 사시는 어르신이 낮 동안 편히 머물며 식사와 안부 확인을 받을 수 있는 작은 쉼터가 동마다 있으면 좋겠습니다. 빈 경로당 공간을 먼저 활용할 수 있습니다.',
    category: 'welfare',
    place: '각 동 경로당',
    supports: 24,
    comments: [
      ['for', '저희 동에도 꼭 필요합니다. 어머니가 낮에 혼자 계셔서 걱정입니다.'],
      ['neutral', '운영 인력을 어떻게 둘지도 함께 정하면 좋겠습니다.'],
    ],
  },
  {
    title: '골목상권에서 쓰는 지역화폐 할인 폭을 늘려 주십시오',
    body: '지역화폐 할인이 명절에만 커져서 평소에는 쓰는 사람이 적습니다. 1년 내내 같은 할인율을 유지하면 골목 가게 매출에 도움이 될 것입니다.',
    category: 'economy',
    place: '',
    supports: 15,
    comments: [['against', '예산이 한정되어 있으니 할인보다 가맹점을 늘리는 편이 낫다고 생각합니다.']],
  },
  {
    title: '빈 점포를 청년 공유 작업실로 바꿔 주십시오',
    body: '역 주변 상가에 오래 비어 있는 점포가 많습니다. 구가 임차해 청년들이 함께 쓰는 작업실과 회의실로 열면 청년이 지역에 머무는 데 도움이 됩니다.',
    category: 'youth',
    place: '역 앞 상가 거리',
    supports: 12,
    comments: [['for', '프리랜서로 일하는데 이런 공간이 가까이 있으면 자주 쓰겠습니다.']],
  },
  {
    title: '하천 산책로에 그늘막과 쉼터 의자를 놓아 주십시오',
    body: '여름 낮에는 산책로에 그늘이 없어 어르신과 아이들이 걷기 어렵습니다. 500미터마다 그늘막과 의자를 두면 좋겠습니다.',
    category: 'environment',
    place: '하천 산책로',
    supports: 9,
    comments: [],
  },
  {
    title: '초등학교 앞 통학로에 보행 안전 울타리를 설치해 주십시오',
    body: '학교 앞 도로에 보도와 차도 사이 울타리가 없어 아이들이 차도로 내려서는 일이 잦습니다. 등하교 시간만이라도 안전 지킴이를 두면 좋겠습니다.',
    category: 'safety',
    place: '초등학교 정문 앞',
    supports: 7,
    comments: [['for', '매일 아이를 데려다주면서 아찔한 순간을 여러 번 봤습니다.']],
  },
  {
    title: '주민이 기획하는 작은 마을 음악회를 열어 주십시오',
    body: '동네 공원에서 주민 동아리가 공연하는 작은 음악회를 계절마다 열면 이웃끼리 얼굴을 익히는 계기가 됩니다.',
    category: 'culture',
    place: '근린공원',
    supports: 6,
    comments: [],
  },
  {
    title: '협치 회의를 평일 저녁에도 열어 주십시오',
    body: '회의가 평일 낮에만 열려 직장에 다니는 주민은 참여하기 어렵습니다. 한 달에 한 번은 저녁이나 주말에 열고 온라인으로도 참여할 수 있게 해 주십시오.',
    category: 'participation',
    place: '',
    supports: 5,
    comments: [['neutral', '온라인 참여가 된다면 시간대는 크게 상관없을 것 같습니다.']],
  },
  {
    title: '공동육아 나눔터 운영 시간을 늘려 주십시오',
    body: '나눔터가 오후 5시에 문을 닫아 맞벌이 가정은 이용하기 어렵습니다. 저녁 7시까지 열어 주시면 좋겠습니다.',
    category: 'welfare',
    place: '공동육아 나눔터',
    supports: 4,
    comments: [],
  },
  {
    title: '마을 태양광 협동조합을 지원해 주십시오',
    body: '공공건물 옥상에 주민이 함께 투자하는 태양광 발전소를 두면 에너지 전환과 마을 수익을 함께 얻을 수 있습니다.',
    category: 'environment',
    place: '구청과 주민센터 옥상',
    supports: 3,
    comments: [],
  },
  {
    title: '사회적경제 기업 제품 장터를 정기적으로 열어 주십시오',
    body: '지역 사회적경제 기업 제품을 주민이 직접 보고 살 수 있는 장터를 한 달에 한 번 구청 앞마당에서 열면 좋겠습니다.',
    category: 'economy',
    place: '구청 앞마당',
    supports: 2,
    comments: [],
  },
  {
    title: '어두운 골목에 보안등을 더 달아 주십시오',
    body: '주택가 골목 몇 곳은 밤에 너무 어두워 귀갓길이 무섭습니다. 보안등을 늘리고 고장 난 등을 빨리 고쳐 주십시오.',
    category: 'safety',
    place: '주택가 골목',
    supports: 1,
    comments: [],
  },
];

/** The phases dated from `today`: agenda (proposals and debates) now, then the others in turn. */
function phasesFrom(today: string): Phase[] {
  const span = (kind: Phase['kind'], from: number, to: number, parts: Partial<Phase>): Phase => ({
    kind,
    startsOn: addDays(today, from),
    endsOn: addDays(today, to),
    proposals: false,
    debates: false,
    deliberation: false,
    polls: false,
    ...parts,
  });
  return [
    span('agenda', -20, 40, { proposals: true, debates: true }),
    span('deliberation', 41, 70, { deliberation: true, debates: true }),
    span('selection', 71, 90, { polls: true }),
    span('execution', 91, 270, {}),
    span('evaluation', 271, 300, { debates: true }),
  ];
}

export async function buildGovernanceProcess(tx: DbOrTx, organizationId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: governanceProcesses.id })
    .from(governanceProcesses)
    .where(
      and(
        eq(governanceProcesses.organizationId, organizationId),
        eq(governanceProcesses.isSample, true),
        eq(governanceProcesses.title, SAMPLE_PROCESS_TITLE),
      ),
    );
  if (existing) {
    await buildSampleDebate(tx, organizationId, existing.id);
    await buildSampleProposalImage(tx, organizationId, existing.id);
    return;
  }
  const [process] = await tx
    .insert(governanceProcesses)
    .values({
      organizationId,
      title: SAMPLE_PROCESS_TITLE,
      description:
        '예시 자료입니다. 2020 지역사회혁신계획에 담을 사업을 주민 제안으로 찾습니다. 지금은 의제 발굴 단계로, 누구나 제안을 올리고 다른 제안에 공감하거나 의견을 남길 수 있습니다. 공감 20개를 받은 제안은 구청이 검토하고 답변합니다. 올라 있는 제안은 생성된 예시 주민의 것입니다.',
      supportThreshold: SUPPORT_THRESHOLD,
      isSample: true,
    })
    .returning({ id: governanceProcesses.id });
  const today = todayInSeoul();
  await tx
    .insert(governanceProcessPhases)
    .values(phasesFrom(today).map((phase) => ({ organizationId, processId: process.id, ...phase })));
  const now = Date.now();
  for (const [index, p] of PROPOSALS.entries()) {
    // Older first: the most supported ones came in earliest, a day or two apart.
    const createdAt = new Date(now - (PROPOSALS.length - index) * 36 * 3_600_000);
    const [proposal] = await tx
      .insert(governanceProposals)
      .values({
        organizationId,
        processId: process.id,
        title: p.title,
        body: p.body,
        category: p.category,
        place: p.place,
        authorLabel: SAMPLE_AUTHOR,
        isSample: true,
        supports: p.supports,
        createdAt,
      })
      .returning({ id: governanceProposals.id });
    await tx.insert(governanceProposalSupports).values(
      Array.from({ length: p.supports }, () => ({
        organizationId,
        proposalId: proposal.id,
        userId: null,
        isSample: true,
      })),
    );
    if (p.comments.length > 0)
      await tx.insert(governanceProposalComments).values(
        p.comments.map(([stance, body], n) => ({
          organizationId,
          proposalId: proposal.id,
          authorLabel: `${SAMPLE_AUTHOR} ${n + 1}`,
          body,
          stance,
          createdAt: new Date(createdAt.getTime() + (n + 1) * 3_600_000),
        })),
      );
  }
  await buildSampleDebate(tx, organizationId, process.id);
  await buildSampleProposalImage(tx, organizationId, process.id);
}

/** An open sample debate (토론) in the process, with stance comments and a reply; added once. */
const SAMPLE_DEBATE = {
  title: '혁신계획의 첫해에는 돌봄과 일자리 가운데 무엇을 먼저 해야 할까요?',
  question:
    '예시 자료입니다. 2020 지역사회혁신계획의 첫해 예산은 한정되어 있습니다. 어르신과 아이 돌봄을 먼저 넓히자는 의견과, 청년과 골목상권의 일자리를 먼저 만들자는 의견이 있습니다. 어느 쪽을 먼저 해야 한다고 생각하십니까? 찬성은 돌봄 먼저, 반대는 일자리 먼저로 입장을 골라 주십시오.',
  comments: [
    ['for', '혼자 계신 어르신이 많아 돌봄이 더 급하다고 생각합니다.', null],
    ['against', '일자리가 있어야 청년이 동네에 남고, 그래야 돌봄도 이어집니다.', null],
    ['neutral', '두 가지를 함께 하는 사업(돌봄 일자리)도 검토해 주십시오.', 0],
    ['for', '맞벌이 가정에는 아이 돌봄 시간 연장이 가장 절실합니다.', null],
  ] as [Stance, string, number | null][],
};

async function buildSampleDebate(tx: DbOrTx, organizationId: string, processId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: governanceDebates.id })
    .from(governanceDebates)
    .where(
      and(
        eq(governanceDebates.organizationId, organizationId),
        eq(governanceDebates.processId, processId),
        eq(governanceDebates.isSample, true),
      ),
    );
  if (existing) return;
  const createdAt = new Date(Date.now() - 10 * 86_400_000);
  const [debate] = await tx
    .insert(governanceDebates)
    .values({
      organizationId,
      processId,
      title: SAMPLE_DEBATE.title,
      question: SAMPLE_DEBATE.question,
      isSample: true,
      createdAt,
    })
    .returning({ id: governanceDebates.id });
  const ids: string[] = [];
  for (const [n, [stance, body, parent]] of SAMPLE_DEBATE.comments.entries()) {
    const [row] = await tx
      .insert(governanceDebateComments)
      .values({
        organizationId,
        debateId: debate.id,
        parentId: parent === null ? null : ids[parent],
        authorLabel: `${SAMPLE_AUTHOR} ${n + 1}`,
        body,
        stance,
        createdAt: new Date(createdAt.getTime() + (n + 1) * 5 * 3_600_000),
      })
      .returning({ id: governanceDebateComments.id });
    ids.push(row.id);
  }
}
