import type { DbOrTx } from '../db/connect.ts';
import { t } from '../i18n/messages.ts';
import type { Jobs } from '../jobs/boss.ts';
import { queueEmail } from '../notify/outbox.ts';

export type AccountEmail = 'verify' | 'reset' | 'signup_attempt';

export interface Recipient {
  id: string;
  email: string | null;
  displayName: string;
  locale: string;
}

/** Queues one of the account emails, in the person's language, inside the caller's transaction. */
export async function queueAccountEmail(
  tx: DbOrTx,
  jobs: Pick<Jobs, 'send'>,
  template: AccountEmail,
  to: Recipient,
  organizationId: string,
  link: string,
): Promise<void> {
  if (!to.email) return;
  const locale = to.locale === 'en' ? 'en' : 'ko';
  await queueEmail(
    tx,
    {
      organizationId,
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
