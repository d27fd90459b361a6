import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { type NotificationKind, notificationKind, notificationKinds } from './kinds.ts';
import { notificationPreferences } from './tables.ts';

export interface Channels {
  inApp: boolean;
  email: boolean;
  push: boolean;
  sms: boolean;
}

/** A kind's default channels; push and SMS stay off until the person turns them on. */
export const defaultChannels = (k: NotificationKind | undefined): Channels => ({
  inApp: k?.defaults.inApp ?? true,
  email: k?.defaults.email ?? false,
  push: k?.defaults.push ?? false,
  sms: k?.defaults.sms ?? false,
});

const chosen = (r: typeof notificationPreferences.$inferSelect): Channels => ({
  inApp: r.inApp,
  email: r.email,
  push: r.push,
  sms: r.sms,
});

/** The person's channels for one kind: their choice, or the kind's defaults. */
export async function channelsFor(db: DbOrTx, userId: string, kind: string): Promise<Channels> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
  return row ? chosen(row) : defaultChannels(notificationKind(kind));
}

export async function listPreferences(db: DbOrTx, userId: string, locale: 'ko' | 'en') {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const mine = new Map(rows.map((r) => [r.kind, chosen(r)]));
  return {
    items: notificationKinds().map((k) => ({
      kind: k.kind,
      label: k.label[locale],
      channels: mine.get(k.kind) ?? defaultChannels(k),
    })),
  };
}

/** Push and SMS may be left out of an item: they keep their present value. */
export async function savePreferences(
  db: DbOrTx,
  userId: string,
  items: Array<{ kind: string; channels: Pick<Channels, 'inApp' | 'email'> & Partial<Channels> }>,
): Promise<void> {
  const unknown = items.map((i, n) => ({ i, n })).filter(({ i }) => !notificationKind(i.kind));
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      400,
      {},
      unknown.map(({ n }) => ({ field: `body.items.${n}.kind`, code: 'unknown_kind' })),
    );
  }
  const kinds = items.map((i) => i.kind);
  if (new Set(kinds).size !== kinds.length)
    throw new AppError('validation_failed', 400, {}, [{ field: 'body.items', code: 'duplicate_kind' }]);
  if (items.length === 0) return;
  await db.transaction(async (tx) => {
    const where = and(
      eq(notificationPreferences.userId, userId),
      inArray(notificationPreferences.kind, kinds),
    );
    const before = new Map(
      (await tx.select().from(notificationPreferences).where(where)).map((r) => [r.kind, chosen(r)]),
    );
    await tx.delete(notificationPreferences).where(where);
    await tx.insert(notificationPreferences).values(
      items.map((i) => {
        const was = before.get(i.kind) ?? defaultChannels(notificationKind(i.kind));
        return { userId, kind: i.kind, ...was, ...i.channels };
      }),
    );
  });
}
