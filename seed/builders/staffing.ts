import { adminStaffing } from '../../server/modules/administration/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';

// 2019 인력 table: 정원 16, 현원 16. Every column of the report is kept, "-" as 0.
type Row = {
  category: 'general' | 'management' | 'special';
  grade: number;
  authorised: number;
  current: number;
};
export const DEMO_STAFFING_2019: Row[] = [
  { category: 'general', grade: 4, authorised: 0, current: 0 },
  { category: 'general', grade: 5, authorised: 1, current: 1 },
  { category: 'general', grade: 6, authorised: 5, current: 4 },
  { category: 'general', grade: 7, authorised: 7, current: 6 },
  { category: 'general', grade: 8, authorised: 2, current: 3 },
  { category: 'general', grade: 9, authorised: 1, current: 2 },
  ...(['management', 'special'] as const).flatMap((category) =>
    [6, 7, 8, 9].map((grade) => ({ category, grade, authorised: 0, current: 0 })),
  ),
];

export async function buildStaffing(tx: DbOrTx, organizationId: string): Promise<void> {
  await tx
    .insert(adminStaffing)
    .values(DEMO_STAFFING_2019.map((r) => ({ organizationId, year: 2019, ...r })))
    .onConflictDoNothing();
}
