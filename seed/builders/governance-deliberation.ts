import { and, eq } from 'drizzle-orm';
import {
  governanceDeliberations,
  governanceParticipants,
  governanceStatements,
  governanceVotes,
} from '../../server/modules/governance/deliberations/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { seededRandom } from './prng.ts';

// A SAMPLE deliberation for the 2020 community-innovation plan (2020 지역사회혁신계획): twenty
// statements residents might write and votes from 60 generated sample participants (no accounts) in
// three loose camps — care and welfare first, the local economy and youth first, process and
// participation first — so the opinion map shows groups. Same seed, same votes, on every machine.

export const SAMPLE_DELIBERATION_TITLE = '[예시] 2020 지역사회혁신계획: 무엇부터 함께 바꿀까요?';

/** Each statement with how the three camps lean on it (+1 agree, −1 disagree, 0 unsure). */
const STATEMENTS: [string, [number, number, number]][] = [
  ['돌봄이 필요한 어르신을 위한 마을 돌봄 공간을 동마다 하나씩 만들어야 합니다.', [1, 0, 0]],
  ['청년 창업 공간보다 어르신 복지에 예산을 먼저 써야 합니다.', [1, -1, 0]],
  ['골목상권을 살리는 지역화폐 사업을 늘려야 합니다.', [0, 1, 0]],
  ['청년이 지역에 머물 수 있도록 청년 일자리 사업을 최우선으로 해야 합니다.', [-1, 1, 0]],
  ['사업을 정하기 전에 동별 주민 공론장을 반드시 열어야 합니다.', [0, -1, 1]],
  ['협치 사업의 예산 집행 내역을 매달 누리집에 공개해야 합니다.', [1, 1, 1]],
  ['주민자치회에 실제 예산 결정 권한을 더 주어야 합니다.', [-1, 0, 1]],
  ['사회적경제 기업 제품을 구청이 우선 구매해야 합니다.', [0, 1, -1]],
  ['장애인과 노인이 쉽게 다닐 수 있도록 보행 환경을 먼저 고쳐야 합니다.', [1, 0, 0]],
  ['공공 와이파이 확대는 지금 우선순위가 아닙니다.', [1, -1, 0]],
  ['민관협치 회의는 평일 저녁이나 주말에 열어 직장인도 참여하게 해야 합니다.', [0, 1, 1]],
  ['전문가 자문보다 주민 의견을 더 무겁게 반영해야 합니다.', [0, -1, 1]],
  ['기후 위기에 대응하는 마을 에너지 사업을 시작해야 합니다.', [0, 0, 1]],
  ['아이 돌봄 공백을 메우는 공동육아 나눔터를 늘려야 합니다.', [1, 1, 0]],
  ['온라인 투표만으로 사업을 정하는 것은 위험합니다.', [1, -1, 0]],
  ['청년 정책은 청년이 직접 설계하도록 청년 위원회에 맡겨야 합니다.', [-1, 1, 1]],
  ['구청 각 부서가 협치 사업을 나누어 맡는 지금 방식이 좋습니다.', [0, 0, -1]],
  ['마을 공동체 활동가에게 적정한 활동비를 지급해야 합니다.', [0, -1, 1]],
  ['혁신계획의 성과를 주민이 함께 평가하는 자리가 매년 있어야 합니다.', [1, 1, 1]],
  ['빈 점포를 청년과 주민이 함께 쓰는 공유 공간으로 바꿔야 합니다.', [-1, 1, 0]],
];

const PARTICIPANTS = 60;
const SEED = 2020;

export async function buildGovernanceDeliberation(tx: DbOrTx, organizationId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: governanceDeliberations.id })
    .from(governanceDeliberations)
    .where(
      and(
        eq(governanceDeliberations.organizationId, organizationId),
        eq(governanceDeliberations.isSample, true),
        eq(governanceDeliberations.title, SAMPLE_DELIBERATION_TITLE),
      ),
    );
  if (existing) return;
  const [d] = await tx
    .insert(governanceDeliberations)
    .values({
      organizationId,
      title: SAMPLE_DELIBERATION_TITLE,
      description:
        '예시 자료입니다. 2020 지역사회혁신계획에 담을 의제를 함께 찾습니다. 의견마다 동의, 비동의, 잘 모르겠음을 골라 주시면 비슷한 생각을 가진 주민 모임과 모두가 동의하는 의견이 지도에 나타납니다. 투표와 의견은 생성된 예시 참여자의 것입니다.',
      isSample: true,
    })
    .returning({ id: governanceDeliberations.id });
  const statements = await tx
    .insert(governanceStatements)
    .values(
      STATEMENTS.map(([body], number) => ({
        organizationId,
        deliberationId: d.id,
        number,
        body,
        moderation: 'accepted',
      })),
    )
    .returning({ id: governanceStatements.id, number: governanceStatements.number });
  statements.sort((a, b) => a.number - b.number);
  const participants = await tx
    .insert(governanceParticipants)
    .values(
      Array.from({ length: PARTICIPANTS }, (_, number) => ({
        organizationId,
        deliberationId: d.id,
        number,
        kind: 'sample',
      })),
    )
    .returning({ id: governanceParticipants.id, number: governanceParticipants.number });
  participants.sort((a, b) => a.number - b.number);
  const random = seededRandom(SEED);
  const votes: (typeof governanceVotes.$inferInsert)[] = [];
  for (const p of participants) {
    const camp = p.number % 3;
    for (const s of statements) {
      if (random() > 0.6) continue; // each sample participant sees about 12 of the 20
      const lean = STATEMENTS[s.number]![1][camp]!;
      const r = random();
      // Mostly with the camp's lean, sometimes unsure, now and then the other way.
      const vote = lean === 0 ? (r < 0.35 ? 1 : r < 0.6 ? -1 : 0) : r < 0.78 ? lean : r < 0.9 ? 0 : -lean;
      votes.push({ organizationId, deliberationId: d.id, statementId: s.id, participantId: p.id, vote });
    }
  }
  await tx.insert(governanceVotes).values(votes);
}
