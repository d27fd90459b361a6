import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { users } from '../auth/tables.ts';
import type { Db } from '../db/connect.ts';
import { defineJob, type Jobs } from '../jobs/boss.ts';
import { notificationKind } from './kinds.ts';
import { queueEmail } from './outbox.ts';
import { emailDigestItems } from './tables.ts';
import { unsubscribePageUrl, unsubscribeToken } from './unsubscribe.ts';

export const DIGEST_JOB = 'notify.digest';

/**
 * Sends each person with collected alert emails one email listing them. Per person, one
 * transaction locks their waiting items, queues the digest email and marks the items with its
 * outbox id: a second run (a retry, two workers) finds nothing left, and a failure leaves them all.
 */
export async function runDailyDigest(
  db: Db,
  deps: { config: Pick<Config, 'HAMKKE_PUBLIC_URL' | 'PORT'>; jobs?: Pick<Jobs, 'send'> },
): Promise<{ digests: number; items: number }> {
  const people = await db
    .selectDistinct({ userId: emailDigestItems.userId })
    .from(emailDigestItems)
    .where(isNull(emailDigestItems.digestOutboxId));
  const site = (deps.config.HAMKKE_PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, '');
  let digests = 0;
  let items = 0;
  for (const { userId } of people) {
    const sent = await db.transaction(async (tx) => {
      const waiting = await tx
        .select()
        .from(emailDigestItems)
        .where(and(eq(emailDigestItems.userId, userId), isNull(emailDigestItems.digestOutboxId)))
        .orderBy(asc(emailDigestItems.id))
        .for('update', { skipLocked: true });
      if (waiting.length === 0) return 0;
      const [user] = await tx.select().from(users).where(eq(users.id, userId));
      // No address to send to (yet): the items wait for the next run.
      if (!user || user.deletedAt || !user.email || !user.emailVerifiedAt) return 0;
      const en = user.locale === 'en';
      const kinds = [...new Set(waiting.map((w) => w.kind))];
      const stops: string[] = [];
      for (const kind of kinds) {
        const label = notificationKind(kind)?.label[en ? 'en' : 'ko'] ?? kind;
        stops.push(`- ${label}: ${unsubscribePageUrl(site, await unsubscribeToken(tx, userId, kind))}`);
      }
      const text = [
        en
          ? `Your alerts of the last day (${waiting.length}):`
          : `지난 하루 동안의 알림 ${waiting.length}건입니다.`,
        ...waiting.map((w) => `\n■ ${w.subject}\n${w.bodyText}`),
        `\n--\n${en ? 'Stop emails of a kind:' : '종류별 수신 거부:'}`,
        ...stops,
      ].join('\n');
      const outboxId = await queueEmail(
        tx,
        {
          organizationId: waiting[0].organizationId,
          userId,
          to: user.email,
          locale: en ? 'en' : 'ko',
          subject: en
            ? `[Hamkke] Daily digest: ${waiting.length} alerts`
            : `[함께] 오늘의 알림 모음 ${waiting.length}건`,
          text,
          kind: 'notify.digest',
        },
        deps.jobs,
      );
      await tx
        .update(emailDigestItems)
        .set({ digestOutboxId: outboxId })
        .where(
          inArray(
            emailDigestItems.id,
            waiting.map((w) => w.id),
          ),
        );
      return waiting.length;
    });
    if (sent > 0) {
      digests++;
      items += sent;
    }
  }
  return { digests, items };
}

// 08:00 in Korea (23:00 UTC the day before): when the default quiet hours end.
export const digestJob = defineJob(
  DIGEST_JOB,
  async (_data, env) => {
    await runDailyDigest(env.db, { config: env.config, jobs: env.jobs });
  },
  { cron: '0 23 * * *' },
);
