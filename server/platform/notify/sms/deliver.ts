import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../auth/tables.ts';
import type { DbOrTx } from '../../db/connect.ts';
import type { Localized } from '../kinds.ts';
import { settingsFor } from '../settings.ts';
import { type OutboxRow, smsMessages } from '../tables.ts';
import { recordProvider, type SmsProvider } from './provider.ts';

/** What an 'sms' outbox row carries. */
export interface SmsPayload {
  title: Localized;
  link: string | null;
  kind: string;
}

/**
 * Sends one 'sms' outbox row to the person's mobile number (none: nothing to do). The unique
 * outbox_id of sms_messages makes a repeat send nothing; the row rolls back if the provider fails.
 */
export async function deliverSms(
  tx: DbOrTx,
  row: OutboxRow,
  deps: { sms?: SmsProvider; site: string; unsubscribeUrl: (kind: string) => Promise<string> },
): Promise<void> {
  if (!row.userId) return;
  const p = row.payload as unknown as SmsPayload;
  const [user] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.id, row.userId), isNull(users.deletedAt)));
  if (!user) return;
  const { mobileNumber } = await settingsFor(tx, row.userId);
  if (!mobileNumber) return;
  const locale = user.locale === 'en' ? 'en' : 'ko';
  const stop = await deps.unsubscribeUrl(p.kind ?? row.kind);
  const body = [
    locale === 'en' ? `[Hamkke] ${p.title.en}` : `[함께] ${p.title.ko}`,
    p.link ? `${deps.site}${p.link}` : null,
    locale === 'en' ? `Stop: ${stop}` : `수신거부: ${stop}`,
  ]
    .filter(Boolean)
    .join('\n');
  const provider = deps.sms ?? recordProvider;
  const inserted = await tx
    .insert(smsMessages)
    .values({
      outboxId: row.id,
      organizationId: row.organizationId,
      userId: row.userId,
      kind: p.kind ?? row.kind,
      provider: provider.name,
      toNumber: mobileNumber,
      body,
    })
    .onConflictDoNothing({ target: smsMessages.outboxId })
    .returning({ id: smsMessages.id });
  if (inserted.length > 0) await provider.send({ to: mobileNumber, body, kind: p.kind ?? row.kind });
}
