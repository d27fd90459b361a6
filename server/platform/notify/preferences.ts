import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { notificationKind, notificationKinds } from './kinds.ts';
import { notificationPreferences } from './tables.ts';

export interface Channels {
  inApp: boolean;
  email: boolean;
}

/** The person's channels for one kind: their choice, or the kind's defaults. */
export async function channelsFor(db: DbOrTx, userId: string, kind: string): Promise<Channels> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
  if (row) return { inApp: row.inApp, email: row.email };
  return notificationKind(kind)?.defaults ?? { inApp: true, email: false };
}

export async function listPreferences(db: DbOrTx, userId: string, locale: 'ko' | 'en') {
  const kinds = notificationKinds();
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, { inApp: r.inApp, email: r.email }]));
  return {
    items: kinds.map((k) => ({
      kind: k.kind,
      label: k.label[locale],
      channels: chosen.get(k.kind) ?? { ...k.defaults },
    })),
  };
}

export async function savePreferences(
  db: DbOrTx,
  userId: string,
  items: Array<{ kind: string; channels: Channels }>,
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
    await tx
      .delete(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, userId), inArray(notificationPreferences.kind, kinds)));
    await tx
      .insert(notificationPreferences)
      .values(items.map((i) => ({ userId, kind: i.kind, inApp: i.channels.inApp, email: i.channels.email })));
  });
}
