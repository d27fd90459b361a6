import { countDistinct, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../platform/access/actor.ts';
import { memberships, users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import {
  ageRule,
  fail,
  pass,
  type RuleOutcome,
  roleRule,
  roleSql,
  unknown,
} from '../../../platform/eligibility/index.ts';
import { AppError } from '../../../platform/errors.ts';

// Who may vote in a poll, decided with the platform's shared eligibility rules (role, age) and one
// small fact the platform keeps about every account (a verified email address). Nothing here is a
// rule engine of its own: it picks the shared rules a poll switches on.

export interface PollRules {
  residentsOnly: boolean;
  verifiedOnly: boolean;
  minAge: number | null;
  maxAge: number | null;
}

export interface Voter {
  roles: ReadonlySet<Role> | null;
  verified: boolean | null;
  /** Self-declared for this ballot only; never stored. */
  birthDate?: string | null;
}

const RESIDENTS: readonly Role[] = ['resident'];

function verifiedRule(required: boolean, verified: boolean | null): RuleOutcome<'verified'> {
  if (!required) return pass('verified', '계정 인증 조건 없음', 'No verification needed');
  if (verified === null)
    return unknown(
      'verified',
      '인증된 계정 대상 — 로그인하면 확인합니다',
      'Verified accounts — sign in to check',
    );
  return verified
    ? pass('verified', '인증된 계정', 'Verified account')
    : fail('verified', '인증된 계정 대상', 'For verified accounts');
}

/** The person's standing against each rule the poll switches on (only those). */
export function checkVoter(poll: PollRules, voter: Voter, on: string): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  if (poll.residentsOnly) out.push(roleRule(RESIDENTS, voter.roles, 'residence'));
  if (poll.verifiedOnly) out.push(verifiedRule(true, voter.verified));
  if (poll.minAge || poll.maxAge)
    out.push(ageRule({ min: poll.minAge, max: poll.maxAge }, voter.birthDate, on));
  return out;
}

/** Throws the refusal a ballot gets for the first rule it breaks (an unknown age asks for the date). */
export function refuseIneligible(poll: PollRules, outcomes: RuleOutcome[]): void {
  for (const o of outcomes) {
    if (o.result === 'pass') continue;
    if (o.rule === 'residence') throw new AppError('governance_poll_residents_only', 403);
    if (o.rule === 'verified') throw new AppError('governance_poll_verified_only', 403);
    if (o.rule === 'age') {
      if (o.result === 'unknown') throw new AppError('governance_poll_birth_date_needed', 422);
      throw new AppError('governance_poll_age', 403, { range: `${poll.minAge ?? ''}–${poll.maxAge ?? ''}` });
    }
  }
}

export async function isVerified(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ verified: sql<boolean>`${users.emailVerifiedAt} is not null` })
    .from(users)
    .where(eq(users.id, userId));
  return Boolean(row?.verified);
}

/**
 * How many people may vote, where the platform knows: accounts of the organization (residents when
 * the poll asks for them, with the shared role rule's SQL), verified when it asks for that. With an
 * age range the answer is unknown (birth dates are not kept), so turnout falls back to voters alone.
 */
export async function eligibleCount(
  db: DbOrTx,
  organizationId: string,
  poll: PollRules,
): Promise<number | null> {
  if (poll.minAge || poll.maxAge) return null;
  const [row] = await db
    .select({ n: countDistinct(memberships.userId) })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      forOrg(
        memberships,
        organizationId,
        isNull(users.deletedAt),
        poll.verifiedOnly ? isNotNull(users.emailVerifiedAt) : undefined,
        poll.residentsOnly ? (roleSql(RESIDENTS, sql`${users.id}`, organizationId) ?? undefined) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}
