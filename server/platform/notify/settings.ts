import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { DEFAULT_QUIET_HOURS, type QuietHours } from './quiet-hours.ts';
import { notificationSettings } from './tables.ts';

/** A person's delivery settings (not per kind): quiet hours, mobile number, daily digest. */
export interface NotificationSettings {
  quietHours: QuietHours;
  mobileNumber: string | null;
  emailDigest: boolean;
}

const hhmm = (t: string) => t.slice(0, 5);

export async function settingsFor(db: DbOrTx, userId: string): Promise<NotificationSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  if (!row) return { quietHours: { ...DEFAULT_QUIET_HOURS }, mobileNumber: null, emailDigest: false };
  return {
    quietHours: { enabled: row.quietHoursEnabled, start: hhmm(row.quietStart), end: hhmm(row.quietEnd) },
    mobileNumber: row.mobileNumber,
    emailDigest: row.emailDigest,
  };
}

export async function saveSettings(db: DbOrTx, userId: string, s: NotificationSettings): Promise<void> {
  const values = {
    quietHoursEnabled: s.quietHours.enabled,
    quietStart: s.quietHours.start,
    quietEnd: s.quietHours.end,
    mobileNumber: s.mobileNumber,
    emailDigest: s.emailDigest,
  };
  await db
    .insert(notificationSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { ...values, updatedAt: sql`now()` } });
}
