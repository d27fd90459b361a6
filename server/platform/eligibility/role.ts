import { type SQL, sql } from 'drizzle-orm';
import type { Role } from '../access/actor.ts';
import { fail, pass, type RuleOutcome, unknown } from './outcome.ts';

// Who may take part by role in the organization (residents, youth, enterprise members, staff…),
// and membership of a named group (an enterprise, a working group): both decided from the roles and
// memberships the platform keeps, for one person in JavaScript and for everyone in SQL.

const ROLE_NAMES: Record<Role, { ko: string; en: string }> = {
  resident: { ko: '주민', en: 'residents' },
  youth: { ko: '청년', en: 'young people' },
  enterprise_member: { ko: '사회적경제 기업 구성원', en: 'social economy enterprise members' },
  buyer: { ko: '공공구매 담당자', en: 'public buyers' },
  working_group_member: { ko: '실무위원', en: 'working group members' },
  kiosk: { ko: '키오스크', en: 'kiosks' },
  staff: { ko: '직원', en: 'staff' },
  admin: { ko: '관리자', en: 'administrators' },
};

const listOf = (roles: readonly Role[]) => ({
  ko: roles.map((r) => ROLE_NAMES[r].ko).join('·'),
  en: roles.map((r) => ROLE_NAMES[r].en).join(', '),
});

/** Anyone holding one of `allowed` (empty = everyone); an anonymous person is unknown until they sign in. */
export function roleRule<N extends string = 'role'>(
  allowed: readonly Role[],
  roles: ReadonlySet<Role> | null,
  rule: N = 'role' as N,
): RuleOutcome<N> {
  if (allowed.length === 0) return pass(rule, '누구나 참여', 'Open to everyone');
  const who = listOf(allowed);
  if (!roles)
    return unknown(rule, `${who.ko} 대상 — 로그인하면 확인합니다`, `For ${who.en} — sign in to check`);
  if (allowed.some((r) => roles.has(r))) return pass(rule, `${who.ko} 대상`, `For ${who.en}`);
  return fail(rule, `${who.ko} 대상`, `For ${who.en}`);
}

/** The users (a uuid column) holding one of `allowed` in the organization. */
export function roleSql(allowed: readonly Role[], userId: SQL, organizationId: string): SQL | null {
  if (allowed.length === 0) return null;
  return sql`exists (select 1 from memberships m where m.user_id = ${userId}
    and m.organization_id = ${organizationId}
    and m.role = any(array[${sql.join(
      allowed.map((r) => sql`${r}`),
      sql`, `,
    )}]::text[]))`;
}
