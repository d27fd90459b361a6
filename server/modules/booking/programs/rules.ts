// Check-in at program sessions (issue 10, attendance): a person's session QR code is accepted from
// 30 minutes before a session starts until it ends (both ends included). Pure, so the table of
// cases in rules.test.ts pins it down without a database.

const MINUTE = 60_000;

/** How early before a session starts its check-in opens. */
export const SESSION_CHECKIN_OPENS_MINUTES = 30;

export type SessionCheckinRefusal = 'program_checkin_too_early' | 'program_checkin_too_late';

interface Timed {
  startsAt: Date;
  endsAt: Date;
}

/** Why a check-in at this session is refused now, or null when its window is open. */
export function sessionCheckinRefusal(now: Date, session: Timed): SessionCheckinRefusal | null {
  if (now.getTime() < session.startsAt.getTime() - SESSION_CHECKIN_OPENS_MINUTES * MINUTE)
    return 'program_checkin_too_early';
  if (now.getTime() > session.endsAt.getTime()) return 'program_checkin_too_late';
  return null;
}

/**
 * The session a code checks in to now, out of a program's sessions (at a place): the one whose
 * window is open (when two are, the one starting first); otherwise why not — too early when a
 * session is still to come, too late when all have ended.
 */
export function sessionToCheckIn<S extends Timed>(
  now: Date,
  sessions: readonly S[],
): { session: S } | { refusal: SessionCheckinRefusal | 'program_checkin_no_session' } {
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const open = sorted.find((s) => sessionCheckinRefusal(now, s) === null);
  if (open) return { session: open };
  if (sorted.length === 0) return { refusal: 'program_checkin_no_session' };
  const coming = sorted.some((s) => sessionCheckinRefusal(now, s) === 'program_checkin_too_early');
  return { refusal: coming ? 'program_checkin_too_early' : 'program_checkin_too_late' };
}
