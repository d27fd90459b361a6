import { desc, eq } from 'drizzle-orm';
import { dispatchPending } from '../../server/platform/notify/dispatch.ts';
import { emailMessages } from '../../server/platform/notify/tables.ts';
import type { TestApp } from './app.ts';

/** Delivers everything waiting in the outbox now, as the notify.dispatch job would. */
export function dispatchNow(t: TestApp) {
  return dispatchPending({ db: t.database.db, config: t.config });
}

/** Every email delivered to an address, newest first (dispatches the outbox first). */
export async function mailsTo(t: TestApp, to: string) {
  await dispatchNow(t);
  return t.database.db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.toAddress, to))
    .orderBy(desc(emailMessages.createdAt));
}

/** The token of the newest link to `path` (e.g. '/verify-email') in an email to the address. */
export async function tokenFromMail(t: TestApp, to: string, path: string): Promise<string> {
  for (const mail of await mailsTo(t, to)) {
    const m = mail.bodyText?.match(new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`));
    if (m) return decodeURIComponent(m[1]);
  }
  throw new Error(`no ${path} link in the mail to ${to}`);
}
