import { adminBudgetUnits } from '../../server/modules/administration/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';

// 예산현황 2019 (단위: 천원 in the report; stored in won).
const THOUSAND = 1000;
export const DEMO_BUDGET_2019 = [
  {
    code: 'social-economy',
    nameKo: '사회적경제 활성화',
    nameEn: 'Activating the social economy',
    amount: 625_648,
    previous: 145_140,
  },
  {
    code: 'governance',
    nameKo: '구정의 민관협치 활성화',
    nameEn: 'Public–private governance in district affairs',
    amount: 262_000,
    previous: 144_000,
  },
  {
    code: 'youth',
    nameKo: '청년의 행복한 사회진입 환경조성',
    nameEn: "An environment for young people's happy entry into society",
    amount: 816_650,
    previous: 268_178,
  },
  {
    code: 'basic-expenses',
    nameKo: '기본경비',
    nameEn: 'Basic operating expenses',
    amount: 75_762,
    previous: 97_396,
  },
] as const;

export async function buildBudget(tx: DbOrTx, organizationId: string): Promise<void> {
  await tx
    .insert(adminBudgetUnits)
    .values(
      DEMO_BUDGET_2019.map((u, i) => ({
        organizationId,
        year: 2019,
        code: u.code,
        nameKo: u.nameKo,
        nameEn: u.nameEn,
        amountWon: u.amount * THOUSAND,
        previousAmountWon: u.previous * THOUSAND,
        position: i + 1,
      })),
    )
    .onConflictDoNothing();
}
