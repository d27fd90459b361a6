import { ROLE_NAMES } from '../../../contracts/auth.ts';
import type { Role } from '../access/actor.ts';
import type { Catalog } from '../i18n/messages.ts';

// What each role is called (one person holding it), for the audit log's actors and role changes.
const LABELS: Record<Role, { ko: string; en: string }> = {
  resident: { ko: '구민', en: 'Resident' },
  youth: { ko: '청년', en: 'Young resident' },
  enterprise_member: { ko: '기업 회원', en: 'Enterprise member' },
  buyer: { ko: '공공구매 담당자', en: 'Public buyer' },
  working_group_member: { ko: '워킹그룹 위원', en: 'Working-group member' },
  kiosk: { ko: '키오스크', en: 'Kiosk' },
  staff: { ko: '직원', en: 'Staff' },
  admin: { ko: '관리자', en: 'Administrator' },
};

export const roleKey = (role: string) => `roles.${role}`;

export const messages: Catalog = Object.fromEntries(ROLE_NAMES.map((r) => [roleKey(r), LABELS[r]]));

/** The role that says most about a person's part in the organization's work (admin, then staff, …). */
export function leadingRole(roles: readonly string[]): string | null {
  for (const r of [...ROLE_NAMES].reverse()) if (roles.includes(r)) return r;
  return null;
}
