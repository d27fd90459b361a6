import type { DbOrTx } from '../../server/platform/db/connect.ts';
import {
  ensureOrganization as ensure,
  type NewOrganization,
} from '../../server/platform/tenants/commands.ts';
import type { Organization } from '../../server/platform/tenants/tables.ts';

// The demo tenant: Yeongdeungpo-gu's Social Economy Division (영등포구 사회적경제과).
export const DEMO_ORGANIZATION = {
  slug: 'yeongdeungpo',
  nameKo: '영등포구 사회적경제과',
  nameEn: 'Yeongdeungpo-gu Social Economy Division',
} as const;

/** The demo organization (or the one given), created if its slug is new. */
export function ensureOrganization(
  db: DbOrTx,
  org: NewOrganization = DEMO_ORGANIZATION,
): Promise<Organization> {
  return ensure(db, org);
}
