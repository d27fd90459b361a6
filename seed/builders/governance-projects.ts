import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { MemberKind, MemberRole, ProjectStatus } from '../../contracts/governance-projects.ts';
import {
  governanceDecisions,
  governanceGroupDocuments,
  governanceGroupMembers,
  governanceMeetingAttendance,
  governanceMeetings,
  governanceProjectEvaluations,
  governanceProjectMilestones,
  governanceProjects,
  governanceProjectUpdates,
  governanceTasks,
} from '../../server/modules/governance/projects/tables.ts';
import { createVerifiedUser, findUserByEmail } from '../../server/platform/auth/commands.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';

// The 2019 community-innovation governance projects (2019 지역사회혁신계획 협치사업): the work report
// gives ten projects in eight departments and a 1,000,000 thousand-won city grant (시비), not their
// names. These ten are SAMPLE projects (titles start with [예시]), with plausible departments of the
// district and the grant split among them. Each has a working group of demo accounts (the
// resident 박구민 is the secretary of the first, so a journey can record a meeting), milestones with
// English titles and a couple of documents; the first has one meeting with published minutes and decisions, and the one
// past execution (사회적경제 공공구매 연결망) a published final evaluation.

type Seat = [email: string, kind: MemberKind, role: MemberRole];
interface SampleProject {
  title: string;
  summary: string;
  department: string;
  budget: number;
  spent: number;
  status: ProjectStatus;
  progress: number;
  /** Korean title, due day, done, English title. */
  milestones: [string, string, boolean, string][];
  group: Seat[];
}

const WG = 'wg@demo.hamkke.kr';
const RESIDENT = 'resident@demo.hamkke.kr';
const YOUTH = 'youth@demo.hamkke.kr';
const ENTERPRISE = 'enterprise@demo.hamkke.kr';
const STAFF = 'staff@demo.hamkke.kr';

export const SAMPLE_PROJECT_PREFIX = '[예시]';

export const SAMPLE_PROJECTS: SampleProject[] = [
  {
    title: '[예시] 마을 돌봄 공간 함께 만들기',
    summary: '돌봄이 필요한 어르신과 아이를 위해 동마다 주민이 함께 운영하는 돌봄 공간을 만듭니다.',
    department: '복지정책과',
    budget: 150_000,
    spent: 62_000,
    status: 'during',
    progress: 45,
    milestones: [
      ['워킹그룹 구성과 역할 나누기', '2019-02-28', true, 'Form the working group and share the roles'],
      ['돌봄 공간 후보지 확정', '2019-05-31', true, 'Settle the care space sites'],
      ['1호 돌봄 공간 문 열기', '2019-09-30', false, 'Open the first care space'],
      ['운영 평가와 성과 공유', '2019-12-15', false, 'Review the running and share the results'],
    ],
    group: [
      [WG, 'citizen', 'chair'],
      [RESIDENT, 'citizen', 'secretary'],
      [STAFF, 'official', 'member'],
      [ENTERPRISE, 'expert', 'member'],
    ],
  },
  {
    title: '[예시] 어르신 건강 동행 이웃 네트워크',
    summary: '혼자 사는 어르신을 이웃이 정기적으로 찾아 건강과 안부를 살피는 동행 모임을 꾸립니다.',
    department: '복지정책과',
    budget: 80_000,
    spent: 31_000,
    status: 'during',
    progress: 40,
    milestones: [
      ['동행 이웃 모집과 교육', '2019-04-30', true, 'Recruit and train companion neighbours'],
      ['방문 동행 시작', '2019-06-30', false, 'Start the companion visits'],
    ],
    group: [
      [WG, 'citizen', 'chair'],
      [STAFF, 'official', 'secretary'],
    ],
  },
  {
    title: '[예시] 공동육아 나눔터 주민 운영',
    summary: '부모들이 함께 아이를 돌보는 공동육아 나눔터를 주민 모임이 직접 운영하도록 돕습니다.',
    department: '여성가족과',
    budget: 100_000,
    spent: 48_000,
    status: 'during',
    progress: 50,
    milestones: [
      ['운영 모임 구성', '2019-03-31', true, 'Form the running group'],
      ['나눔터 두 곳 운영 시작', '2019-07-31', false, 'Open two shared childcare rooms'],
    ],
    group: [
      [RESIDENT, 'citizen', 'chair'],
      [STAFF, 'official', 'secretary'],
      [WG, 'expert', 'member'],
    ],
  },
  {
    title: '[예시] 골목상권 살리는 지역화폐',
    summary: '골목 가게에서 쓰는 지역화폐의 가맹점과 이용자를 주민과 상인이 함께 늘립니다.',
    department: '일자리경제과',
    budget: 120_000,
    spent: 70_000,
    status: 'during',
    progress: 60,
    milestones: [
      ['상인회와 가맹 기준 합의', '2019-03-15', true, 'Agree the shop criteria with the merchants'],
      ['가맹점 300곳 모집', '2019-08-31', false, 'Sign up 300 shops'],
    ],
    group: [
      [ENTERPRISE, 'citizen', 'chair'],
      [STAFF, 'official', 'secretary'],
      [WG, 'expert', 'member'],
    ],
  },
  {
    title: '[예시] 빈 점포를 청년·주민 공유 공간으로',
    summary: '오래 비어 있는 점포를 청년과 주민이 함께 쓰는 공유 공간으로 바꿉니다.',
    department: '도시재생과',
    budget: 130_000,
    spent: 40_000,
    status: 'during',
    progress: 30,
    milestones: [
      ['빈 점포 실태 조사', '2019-04-15', true, 'Survey the empty shops'],
      ['공유 공간 두 곳 문 열기', '2019-10-31', false, 'Open two shared spaces'],
    ],
    group: [
      [YOUTH, 'citizen', 'chair'],
      [WG, 'citizen', 'secretary'],
      [STAFF, 'official', 'member'],
    ],
  },
  {
    title: '[예시] 걷기 좋은 무장애 골목',
    summary: '휠체어와 유모차가 다니기 어려운 골목을 주민과 함께 찾아 고칩니다.',
    department: '도시재생과',
    budget: 70_000,
    spent: 12_000,
    status: 'before',
    progress: 10,
    milestones: [
      ['불편 골목 주민 조사', '2019-05-31', false, 'Ask residents about hard-to-use alleys'],
      ['개선 공사 설계', '2019-08-31', false, 'Design the improvement works'],
    ],
    group: [
      [WG, 'citizen', 'chair'],
      [STAFF, 'official', 'secretary'],
    ],
  },
  {
    title: '[예시] 사회적경제 공공구매 연결망',
    summary: '구청과 공공기관이 사회적경제 기업 제품을 더 쉽게 살 수 있도록 연결망을 만듭니다.',
    department: '사회적경제과',
    budget: 90_000,
    spent: 86_000,
    status: 'after',
    progress: 100,
    milestones: [
      ['구매 담당자 간담회', '2019-03-29', true, 'Meet the purchasing officers'],
      ['공공구매 안내서 발간', '2019-06-28', true, 'Publish the public purchasing guide'],
      ['구매 실적 점검', '2019-11-29', true, 'Review the purchases made'],
    ],
    group: [
      [ENTERPRISE, 'citizen', 'chair'],
      [STAFF, 'official', 'secretary'],
      [WG, 'expert', 'member'],
    ],
  },
  {
    title: '[예시] 마을 에너지 전환 실천',
    summary: '주민이 함께 에너지를 아끼고 태양광을 나누는 마을 에너지 모임을 키웁니다.',
    department: '환경과',
    budget: 100_000,
    spent: 20_000,
    status: 'before',
    progress: 15,
    milestones: [
      ['에너지 진단 가구 모집', '2019-05-31', false, 'Recruit households for energy checks'],
      ['미니 태양광 나눔', '2019-09-30', false, 'Share mini solar panels'],
    ],
    group: [
      [WG, 'citizen', 'chair'],
      [YOUTH, 'citizen', 'secretary'],
      [STAFF, 'official', 'member'],
    ],
  },
  {
    title: '[예시] 마을학교 방과후 배움터',
    summary: '학교와 마을이 함께 방과후 배움터를 열어 아이들의 배움과 돌봄을 잇습니다.',
    department: '교육지원과',
    budget: 80_000,
    spent: 36_000,
    status: 'during',
    progress: 45,
    milestones: [
      ['마을 강사 모집', '2019-03-31', true, 'Recruit neighbourhood teachers'],
      ['배움터 1학기 운영', '2019-07-19', false, 'Run the first term of the learning place'],
    ],
    group: [
      [RESIDENT, 'citizen', 'chair'],
      [STAFF, 'official', 'secretary'],
      [YOUTH, 'citizen', 'member'],
    ],
  },
  {
    title: '[예시] 주민이 기획하는 마을 문화축제',
    summary: '동네 예술가와 주민이 함께 기획하고 운영하는 작은 마을 문화축제를 엽니다.',
    department: '문화체육과',
    budget: 80_000,
    spent: 8_000,
    status: 'before',
    progress: 5,
    milestones: [
      ['축제 기획단 모집', '2019-06-30', false, 'Recruit the festival planning team'],
      ['마을 문화축제 개최', '2019-10-12', false, 'Hold the neighbourhood culture festival'],
    ],
    group: [
      [YOUTH, 'citizen', 'chair'],
      [STAFF, 'official', 'secretary'],
      [ENTERPRISE, 'expert', 'member'],
    ],
  },
];

/** The demo account for the email, made now (with a password nobody knows) when the demo's account step has not run yet. */
async function demoAccount(tx: DbOrTx, organizationId: string, email: string): Promise<string> {
  const existing = await findUserByEmail({ db: tx as never }, email);
  if (existing) return existing.id;
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  const user = await createVerifiedUser(tx as never, {
    email,
    password: randomBytes(18).toString('base64url'),
    displayName: account.name,
    organizationId,
    roles: [...account.roles],
  });
  return user.id;
}

export async function buildGovernanceProjects(tx: DbOrTx, organizationId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: governanceProjects.id })
    .from(governanceProjects)
    .where(and(eq(governanceProjects.organizationId, organizationId), eq(governanceProjects.isSample, true)));
  if (existing) return;
  const accounts = new Map<string, string>();
  for (const email of [WG, RESIDENT, YOUTH, ENTERPRISE, STAFF])
    accounts.set(email, await demoAccount(tx, organizationId, email));
  const idOf = (email: string) => accounts.get(email) as string;
  for (const [index, p] of SAMPLE_PROJECTS.entries()) {
    const [project] = await tx
      .insert(governanceProjects)
      .values({
        organizationId,
        title: p.title,
        summary: `${p.summary} (예시 자료입니다.)`,
        department: p.department,
        year: 2019,
        budgetThousandWon: p.budget,
        spentThousandWon: p.spent,
        status: p.status,
        progressPercent: p.progress,
        isSample: true,
      })
      .returning({ id: governanceProjects.id });
    await tx.insert(governanceProjectMilestones).values(
      p.milestones.map(([title, dueOn, done, titleEn]) => ({
        organizationId,
        projectId: project.id,
        title,
        titleEn,
        dueOn,
        done,
        doneAt: done ? new Date(`${dueOn}T09:00:00+09:00`) : null,
      })),
    );
    await tx.insert(governanceGroupMembers).values(
      p.group.map(([email, kind, role]) => ({
        organizationId,
        projectId: project.id,
        userId: idOf(email),
        kind,
        role,
      })),
    );
    await buildDocuments(tx, organizationId, project.id, p, idOf);
    if (index === 0) await buildFirstProjectRecords(tx, organizationId, project.id, p, idOf);
    if (p.status === 'after') await buildEvaluation(tx, organizationId, project.id, p, idOf);
  }
}

/** Two documents in each group's space: a meeting paper (a note) and a reference link. */
async function buildDocuments(
  tx: DbOrTx,
  organizationId: string,
  projectId: string,
  p: SampleProject,
  idOf: (email: string) => string,
) {
  const [chair] = p.group.find(([, , role]) => role === 'chair') ?? p.group[0];
  const [secretary] = p.group.find(([, , role]) => role === 'secretary') ?? p.group[0];
  await tx.insert(governanceGroupDocuments).values([
    {
      organizationId,
      projectId,
      title: '[예시] 1차 회의 안건과 역할 나누기',
      kind: 'agenda',
      note: '위원 소개, 사업 목표 확인, 분기 점검 보고 담당 정하기. (예시 자료입니다.)',
      addedBy: idOf(secretary),
      createdAt: new Date('2019-02-20T10:00:00+09:00'),
    },
    {
      organizationId,
      projectId,
      title: '[예시] 비슷한 사업을 한 다른 구의 사례 모음',
      kind: 'reference',
      url: 'https://example.org/hamkke/governance-cases',
      note: '예시 주소입니다. 실제 자료로 바꿔 주십시오.',
      addedBy: idOf(chair),
      createdAt: new Date('2019-03-05T10:00:00+09:00'),
    },
  ]);
}

/** The published final evaluation of a project past execution. */
async function buildEvaluation(
  tx: DbOrTx,
  organizationId: string,
  projectId: string,
  p: SampleProject,
  idOf: (email: string) => string,
) {
  const [secretary] = p.group.find(([, , role]) => role === 'secretary') ?? p.group[0];
  await tx.insert(governanceProjectEvaluations).values({
    organizationId,
    projectId,
    scoreGoals: 4,
    scoreParticipation: 3,
    scoreCollaboration: 5,
    scoreSustainability: 4,
    lessons:
      '[예시] 구매 담당자와 기업이 직접 만나는 간담회가 가장 효과가 컸습니다. 주민 참여는 설명회에 그쳐 아쉬웠으니, 다음에는 주민 평가단을 처음부터 두기로 했습니다. 안내서는 해마다 고쳐 쓰기로 했습니다. (예시 자료입니다.)',
    status: 'published',
    recordedBy: idOf(secretary),
    publishedAt: new Date('2019-12-20T10:00:00+09:00'),
    publishedBy: idOf(secretary),
    createdAt: new Date('2019-12-18T10:00:00+09:00'),
    updatedAt: new Date('2019-12-20T10:00:00+09:00'),
  });
  // Its news on the public page, as publishing it records (average of 4, 3, 5 and 4).
  await tx.insert(governanceProjectUpdates).values({
    organizationId,
    projectId,
    kind: 'evaluation',
    bodyKo: '워킹그룹이 최종 평가를 공개했습니다(평균 4.0점, 5점 만점).',
    bodyEn: 'The working group published its final evaluation (average 4.0 out of 5).',
    createdAt: new Date('2019-12-20T10:00:00+09:00'),
  });
}

/** The first project's published meeting (with a vote and a consensus), a task and its update. */
async function buildFirstProjectRecords(
  tx: DbOrTx,
  organizationId: string,
  projectId: string,
  p: SampleProject,
  idOf: (email: string) => string,
) {
  const [meeting] = await tx
    .insert(governanceMeetings)
    .values({
      organizationId,
      projectId,
      heldOn: '2019-05-15',
      title: '2차 워킹그룹 회의',
      agenda: '1. 돌봄 공간 후보지 현장 확인 결과\n2. 1호 공간 결정\n3. 운영 시간 정하는 방법',
      minutes:
        '후보지 세 곳을 함께 돌아본 결과를 나누었습니다. 신길동 경로당 2층이 접근성과 임대 조건이 가장 좋다는 의견이 많았습니다. 운영 시간은 이용할 주민에게 먼저 묻기로 했습니다. (예시 자료입니다.)',
      status: 'published',
      publishedAt: new Date('2019-05-17T10:00:00+09:00'),
      publishedBy: idOf(RESIDENT),
      createdBy: idOf(RESIDENT),
    })
    .returning({ id: governanceMeetings.id });
  await tx
    .insert(governanceMeetingAttendance)
    .values(p.group.map(([email]) => ({ organizationId, meetingId: meeting.id, userId: idOf(email) })));
  await tx.insert(governanceDecisions).values([
    {
      organizationId,
      meetingId: meeting.id,
      body: '1호 돌봄 공간은 신길동 경로당 2층으로 합니다.',
      method: 'vote',
      votesFor: 3,
      votesAgainst: 0,
      votesAbstain: 1,
    },
    {
      organizationId,
      meetingId: meeting.id,
      body: '운영 시간은 이용할 주민 설문으로 정합니다.',
      method: 'consensus',
    },
  ]);
  await tx.insert(governanceTasks).values({
    organizationId,
    projectId,
    title: '운영 시간 주민 설문 만들기',
    ownerUserId: idOf(RESIDENT),
    dueOn: '2019-06-07',
  });
  await tx.insert(governanceProjectUpdates).values({
    organizationId,
    projectId,
    kind: 'minutes',
    bodyKo: "2019-05-15 회의록 '2차 워킹그룹 회의'을(를) 공개했습니다.",
    bodyEn: 'Minutes of 2019-05-15 published: 2차 워킹그룹 회의.',
    createdAt: new Date('2019-05-17T10:00:00+09:00'),
  });
}
