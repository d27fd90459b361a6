import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { t } from '../i18n/messages.ts';
import type { Jobs } from '../jobs/boss.ts';
import { queueEmail } from '../notify/outbox.ts';
import { memberships } from './tables.ts';

export type AccountEmail = 'verify' | 'reset' | 'signup_attempt';

export interface Recipient {
  id: string;
  email: string | null;
  displayName: string;
  locale: string;
}

/**
 * The organization an account belongs to: the one it joined first (sign-up, `user add` or the
 * first sign-in with a provider). Account emails are filed there, never under the organization of
 * the request's Host: that one's admins read its dev mailbox, and a reset link is the account.
 * Null for an account with no membership: its mail is filed under no organization.
 */
export async function homeOrganization(tx: DbOrTx, userId: string): Promise<string | null> {
  const [first] = await tx
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.grantedAt), asc(memberships.organizationId))
    .limit(1);
  return first?.organizationId ?? null;
}

/** Queues one of the account emails, in the person's language, inside the caller's transaction. */
export async function queueAccountEmail(
  tx: DbOrTx,
  jobs: Pick<Jobs, 'send'>,
  template: AccountEmail,
  to: Recipient,
  link: string,
): Promise<void> {
  if (!to.email) return;
  const locale = to.locale === 'en' ? 'en' : 'ko';
  await queueEmail(
    tx,
    {
      organizationId: await homeOrganization(tx, to.id),
      userId: to.id,
      to: to.email,
      locale,
      kind: `account.${template}`,
      subject: t(locale, `email.${template}.subject`),
      text: t(locale, `email.${template}.text`, { name: to.displayName, link }),
    },
    jobs,
  );
}
