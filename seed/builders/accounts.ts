import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createVerifiedUser, findUserByEmail, hashPassword } from '../../server/platform/auth/commands.ts';
import { memberships, users } from '../../server/platform/auth/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';

// One demo account per role. They exist only in demo mode; their passwords are new at every start.
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.hamkke.kr', name: '시스템 관리자', roles: ['admin', 'staff'] },
  { email: 'staff@demo.hamkke.kr', name: '김주무관', roles: ['staff'] },
  { email: 'youth@demo.hamkke.kr', name: '이청년', roles: ['resident', 'youth'] },
  { email: 'resident@demo.hamkke.kr', name: '박구민', roles: ['resident'] },
  { email: 'enterprise@demo.hamkke.kr', name: '최대표', roles: ['resident', 'enterprise_member'] },
  { email: 'buyer@demo.hamkke.kr', name: '정구매', roles: ['buyer'] },
  { email: 'wg@demo.hamkke.kr', name: '한위원', roles: ['resident', 'working_group_member'] },
  // The tablet at a place's entrance: checks people in at the kiosk, nothing else (issue 10).
  { email: 'kiosk@demo.hamkke.kr', name: '입구 키오스크', roles: ['kiosk'] },
] as const;

/** Creates missing demo accounts, gives every one a fresh password, and returns them to print. */
export async function refreshDemoAccounts(
  db: DbOrTx,
  organizationId: string,
): Promise<Array<{ email: string; password: string; roles: readonly string[] }>> {
  const out: Array<{ email: string; password: string; roles: readonly string[] }> = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = `demo-${randomBytes(6).toString('base64url')}`;
    const existing = await findUserByEmail({ db: db as never }, account.email);
    if (!existing) {
      await createVerifiedUser(db as never, {
        email: account.email,
        password,
        displayName: account.name,
        organizationId,
        roles: [...account.roles],
      });
    } else {
      await db
        .update(users)
        .set({ passwordHash: await hashPassword(password), updatedAt: new Date() })
        .where(eq(users.id, existing.id));
      for (const role of account.roles) {
        const [has] = await db
          .select()
          .from(memberships)
          .where(
            and(
              eq(memberships.userId, existing.id),
              eq(memberships.organizationId, organizationId),
              eq(memberships.role, role),
            ),
          );
        if (!has) await db.insert(memberships).values({ userId: existing.id, organizationId, role });
      }
    }
    out.push({ email: account.email, password, roles: account.roles });
  }
  return out;
}
