import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../auth/tables.ts';
import type { DbOrTx } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { notificationKind } from './kinds.ts';
import { notificationPreferences, unsubscribeKeys } from './tables.ts';

// One-click unsubscribe links: the token names the person and the kind and is signed with the
// installation's key (made on first use), so no table of tokens and no sign-in is needed.

async function secret(db: DbOrTx): Promise<Buffer> {
  const read = async () => (await db.select().from(unsubscribeKeys).where(eq(unsubscribeKeys.id, 1)))[0];
  let row = await read();
  if (!row) {
    await db
      .insert(unsubscribeKeys)
      .values({ id: 1, secret: randomBytes(32).toString('base64url') })
      .onConflictDoNothing();
    row = await read();
  }
  return Buffer.from(row.secret, 'base64url');
}

const mac = (key: Buffer, subject: string) =>
  createHmac('sha256', key).update(subject).digest().subarray(0, 24);

export async function unsubscribeToken(db: DbOrTx, userId: string, kind: string): Promise<string> {
  const subject = `${userId}|${kind}`;
  return `${Buffer.from(subject).toString('base64url')}.${mac(await secret(db), subject).toString('base64url')}`;
}

const invalid = () => new AppError('unsubscribe_invalid', 400);

/** The person and kind a token names, or a 400 when it is not one of ours. */
export async function readUnsubscribeToken(
  db: DbOrTx,
  token: string,
): Promise<{ userId: string; kind: string }> {
  const [subjectPart, macPart] = token.split('.');
  if (!subjectPart || !macPart) throw invalid();
  const subject = Buffer.from(subjectPart, 'base64url').toString('utf8');
  const given = Buffer.from(macPart, 'base64url');
  const expected = mac(await secret(db), subject);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const [userId, kind] = subject.split('|');
  if (!userId || !kind || !notificationKind(kind)) throw invalid();
  return { userId, kind };
}

/** What the link would turn off, without turning it off (GET: mail scanners follow links). */
export async function describeUnsubscribe(db: DbOrTx, token: string, locale: 'ko' | 'en') {
  const { kind } = await readUnsubscribeToken(db, token);
  return { kind, label: notificationKind(kind)?.label[locale] ?? kind };
}

/** Turns the kind off on every channel but in-app (the bell stays as chosen). */
export async function unsubscribe(db: DbOrTx, token: string, locale: 'ko' | 'en') {
  const { userId, kind } = await readUnsubscribeToken(db, token);
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!user) throw invalid();
  const inApp = notificationKind(kind)?.defaults.inApp ?? true;
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, inApp, email: false, push: false, sms: false })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { email: false, push: false, sms: false },
    });
  return { kind, label: notificationKind(kind)?.label[locale] ?? kind };
}

export const unsubscribePageUrl = (site: string, token: string) => `${site}/unsubscribe?token=${token}`;
export const oneClickUrl = (site: string, token: string) => `${site}/api/v1/unsubscribe?token=${token}`;
