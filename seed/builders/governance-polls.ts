import { and, eq } from 'drizzle-orm';
import type { PollKind, ResultsVisibility } from '../../contracts/governance-polls.ts';
import {
  governanceBallotChoices,
  governanceBallots,
  governancePollOptions,
  governancePolls,
} from '../../server/modules/governance/polls/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { seededRandom } from './prng.ts';

// Two SAMPLE polls (titles start with [예시]): one open, in which the demo resident can vote (results
// after the close), and one closed in 2019 with its results. Their ballots are sample ballots that
// name nobody (kind 'sample'), drawn from a seeded PRNG so every machine gets the same counts.

interface SamplePoll {
  title: string;
  description: string;
  kind: PollKind;
  maxChoices: number | null;
  resultsVisibility: ResultsVisibility;
  /** null: open from a week before the demo is loaded until half a year after it. */
  window: [opens: string, closes: string] | null;
  /** Each option with its weight: a sample voter picks options in proportion to them. */
  options: [label: string, description: string, weight: number][];
  ballots: number;
}

export const SAMPLE_POLLS: SamplePoll[] = [
  {
    title: '[예시] 2020 지역사회혁신계획 의제 선정 투표',
    description:
      '숙의를 거쳐 모인 의제 가운데 2020년에 먼저 추진할 의제를 최대 3개까지 고릅니다. 결과는 투표가 끝난 뒤 공개합니다. (예시 자료입니다.)',
    kind: 'pick_up_to',
    maxChoices: 3,
    resultsVisibility: 'after_close',
    window: null,
    options: [
      ['마을 돌봄 공간 넓히기', '동마다 주민이 함께 운영하는 돌봄 공간을 늘립니다.', 5],
      ['청년 일자리와 창업 지원', '지역 청년의 첫 일자리와 창업을 돕습니다.', 4],
      ['걷기 좋은 골목 만들기', '보행로와 가로등을 정비하고 쉼터를 둡니다.', 4],
      ['마을 에너지 자립', '공공건물 지붕에 태양광을 놓고 절약 모임을 꾸립니다.', 2],
      ['골목상권 살리기', '전통시장과 골목 가게를 잇는 지역화폐를 넓힙니다.', 3],
      ['공동육아 나눔터', '부모가 함께 아이를 돌보는 나눔터를 엽니다.', 3],
    ],
    ballots: 48,
  },
  {
    title: '[예시] 2019 협치 교육 주제 선호 조사',
    description:
      '2019년 하반기 주민 협치 교육에서 다룰 주제를 하나 골랐습니다. 투표가 끝나 결과를 공개합니다. (예시 자료입니다.)',
    kind: 'single',
    maxChoices: null,
    resultsVisibility: 'after_close',
    window: ['2019-10-01T09:00:00+09:00', '2019-10-21T18:00:00+09:00'],
    options: [
      ['주민참여예산 이해하기', '', 5],
      ['회의 진행과 퍼실리테이션', '', 4],
      ['마을 공동체 사례 나누기', '', 3],
      ['공공 데이터 읽기', '', 2],
    ],
    ballots: 126,
  },
];

const DAY = 24 * 3_600_000;

/** Draws `n` distinct option indexes, each in proportion to its weight. */
function draw(random: () => number, weights: number[], n: number): number[] {
  const left = weights.map((w, i) => [i, w] as [number, number]);
  const out: number[] = [];
  while (out.length < n && left.length > 0) {
    let r = random() * left.reduce((s, [, w]) => s + w, 0);
    let k = 0;
    while (k < left.length - 1 && r >= left[k][1]) {
      r -= left[k][1];
      k += 1;
    }
    const [[i]] = left.splice(k, 1);
    out.push(i);
  }
  return out.sort((a, b) => a - b);
}

export async function buildGovernancePolls(tx: DbOrTx, organizationId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: governancePolls.id })
    .from(governancePolls)
    .where(and(eq(governancePolls.organizationId, organizationId), eq(governancePolls.isSample, true)));
  if (existing) return;
  const random = seededRandom(2019_11);
  const now = Date.now();
  for (const p of SAMPLE_POLLS) {
    const [opensAt, closesAt] = p.window
      ? p.window.map((s) => new Date(s))
      : [new Date(now - 7 * DAY), new Date(now + 182 * DAY)];
    const [poll] = await tx
      .insert(governancePolls)
      .values({
        organizationId,
        title: p.title,
        description: p.description,
        kind: p.kind,
        maxChoices: p.maxChoices,
        opensAt,
        closesAt,
        residentsOnly: true,
        verifiedOnly: true,
        resultsVisibility: p.resultsVisibility,
        isSample: true,
      })
      .returning({ id: governancePolls.id });
    const options = await tx
      .insert(governancePollOptions)
      .values(
        p.options.map(([label, description], position) => ({
          organizationId,
          pollId: poll.id,
          position,
          label,
          description,
        })),
      )
      .returning({ id: governancePollOptions.id, position: governancePollOptions.position });
    const optionAt = new Map(options.map((o) => [o.position, o.id]));
    const span = Math.max(1, Math.min(now, closesAt.getTime()) - opensAt.getTime());
    const ballots = await tx
      .insert(governanceBallots)
      .values(
        Array.from({ length: p.ballots }, (_, i) => ({
          organizationId,
          pollId: poll.id,
          kind: 'sample',
          userId: null,
          castAt: new Date(opensAt.getTime() + Math.floor((span * (i + 0.5)) / p.ballots)),
        })),
      )
      .returning({ id: governanceBallots.id });
    const weights = p.options.map(([, , w]) => w);
    const choices = ballots.flatMap((b) => {
      const n = p.kind === 'single' ? 1 : 1 + Math.floor(random() * (p.maxChoices ?? p.options.length));
      return draw(random, weights, n).map((i) => ({
        organizationId,
        pollId: poll.id,
        ballotId: b.id,
        optionId: optionAt.get(i) as string,
      }));
    });
    await tx.insert(governanceBallotChoices).values(choices);
  }
}
