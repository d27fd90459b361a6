import type { DbOrTx } from '../db/connect.ts';
import type { Jobs } from '../jobs/boss.ts';
import { type Localized, notificationKind } from './kinds.ts';
import { outbox } from './tables.ts';

export const DISPATCH_JOB = 'notify.dispatch';

export interface NotificationInput {
  organizationId: string;
  userId: string;
  kind: string;
  title: Localized;
  body: Localized;
  /** A path inside the site ('/youth/policies/…'); emails make it absolute. */
  link?: string | null;
}

export interface EmailInput {
  organizationId?: string | null;
  userId?: string | null;
  to: string;
  locale: 'ko' | 'en';
  subject: string;
  text: string;
  /** What the email is about, for the record ('account.verify_email'). */
  kind?: string;
}

type JobSender = Pick<Jobs, 'send'>;

/**
 * Writes a notification to the outbox inside the caller's transaction: it goes out only if the
 * transaction commits. With `jobs`, a dispatch job is queued in the same transaction so delivery
 * starts right after commit (the process must have started its jobs: main.ts does).
 */
export async function enqueueNotification(
  tx: DbOrTx,
  input: NotificationInput,
  jobs?: JobSender,
): Promise<number> {
  if (!notificationKind(input.kind))
    throw new Error(`Unknown notification kind ${input.kind}: define it with defineNotificationKind`);
  if (input.link != null && !isSitePath(input.link))
    throw new Error(`Notification link must be a path inside the site: ${input.link}`);
  const [row] = await tx
    .insert(outbox)
    .values({
      organizationId: input.organizationId,
      userId: input.userId,
      type: 'notification',
      kind: input.kind,
      payload: { title: input.title, body: input.body, link: input.link ?? null },
    })
    .returning({ id: outbox.id });
  if (jobs) await jobs.send(DISPATCH_JOB, {}, { tx });
  return row.id;
}

/** Queues an email (account emails: verification, reset) in the caller's transaction. */
export async function queueEmail(tx: DbOrTx, input: EmailInput, jobs?: JobSender): Promise<number> {
  const [row] = await tx
    .insert(outbox)
    .values({
      organizationId: input.organizationId ?? null,
      userId: input.userId ?? null,
      type: 'email',
      kind: input.kind ?? 'email',
      payload: { to: input.to, locale: input.locale, subject: input.subject, text: input.text },
    })
    .returning({ id: outbox.id });
  if (jobs) await jobs.send(DISPATCH_JOB, {}, { tx });
  return row.id;
}

export const isSitePath = (link: string) =>
  link.startsWith('/') && !link.startsWith('//') && !/[\s\\]/.test(link);
