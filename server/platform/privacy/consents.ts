import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { PRIVACY_PURPOSES, purposeOf } from './notices.ts';
import { consentRecords } from './tables.ts';

/** Records the choices made at sign-up; every required purpose must be granted. */
export async function recordSignupConsents(
  tx: DbOrTx,
  userId: string,
  choices: Record<string, boolean>,
  ip?: string,
): Promise<void> {
  const unknown = Object.keys(choices).filter((p) => !purposeOf(p));
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      400,
      {},
      unknown.map((p) => ({ field: `body.consents.${p}`, code: 'unknown_purpose' })),
    );
  }
  const missing = PRIVACY_PURPOSES.filter((p) => p.required && choices[p.purpose] !== true);
  if (missing.length > 0) {
    throw new AppError(
      'consent_required',
      400,
      {},
      missing.map((p) => ({ field: `body.consents.${p.purpose}`, code: 'required' })),
    );
  }
  const rows = PRIVACY_PURPOSES.filter((p) => p.purpose in choices).map((p) => ({
    userId,
    purpose: p.purpose,
    required: p.required,
    noticeVersion: p.version,
    granted: choices[p.purpose] === true,
    ip: ip?.slice(0, 64),
  }));
  if (rows.length > 0) await tx.insert(consentRecords).values(rows);
}

/** The current state of each purpose for a person: the newest record wins. */
export async function currentConsents(
  db: DbOrTx,
  userId: string,
): Promise<Map<string, { granted: boolean; noticeVersion: string; recordedAt: Date }>> {
  const rows = await db
    .select()
    .from(consentRecords)
    .where(eq(consentRecords.userId, userId))
    .orderBy(desc(consentRecords.recordedAt));
  const out = new Map<string, { granted: boolean; noticeVersion: string; recordedAt: Date }>();
  for (const r of rows)
    if (!out.has(r.purpose))
      out.set(r.purpose, { granted: r.granted, noticeVersion: r.noticeVersion, recordedAt: r.recordedAt });
  return out;
}

/** True when the person's newest record for the purpose is a grant. Modules check this before using optional data. */
export async function hasConsent(db: DbOrTx, userId: string, purpose: string): Promise<boolean> {
  return (await currentConsents(db, userId)).get(purpose)?.granted === true;
}
