import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../auth/tables.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { readPayload, type SmsPayload } from '../payloads.ts';
import { type PendingSend, SEND_TIMEOUT_MS, withTimeout } from '../sends.ts';
import { settingsFor } from '../settings.ts';
import { type OutboxRow, smsMessages } from '../tables.ts';
import { recordProvider, type SmsProvider } from './provider.ts';

export type { SmsPayload };

/**
 * Prepares one 'sms' outbox row for the person's mobile number (none: nothing to do). The unique
 * outbox_id of sms_messages makes a repeat send nothing; the provider is called after the row's
 * transaction commits, and a failed call removes the record so a retry sends it.
 */
export async function prepareSms(
  tx: DbOrTx,
  row: OutboxRow,
  deps: { sms?: SmsProvider; site: string; unsubscribeUrl: (kind: string) => Promise<string> },
): Promise<PendingSend | null> {
  if (!row.userId) return null;
  const p = readPayload(row, 'sms');
  const [user] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.id, row.userId), isNull(users.deletedAt)));
  if (!user) return null;
  const { mobileNumber } = await settingsFor(tx, row.userId);
  if (!mobileNumber) return null;
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
  if (inserted.length === 0) return null;
  return {
    send: () =>
      withTimeout(
        provider.send({ to: mobileNumber, body, kind: p.kind ?? row.kind }),
        SEND_TIMEOUT_MS,
        'sms',
      ),
    async failed(tx, err) {
      await tx.delete(smsMessages).where(eq(smsMessages.id, inserted[0].id));
      return `sms ${String((err as Error)?.message ?? err)}`;
    },
  };
}
