import { describe, expect, it } from 'vitest';
import { SESSION_CHECKIN_OPENS_MINUTES, sessionCheckinRefusal, sessionToCheckIn } from './rules.ts';

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00+09:00`);
const session = { startsAt: at('14:00'), endsAt: at('16:00') };

describe('session check-in window (30 minutes before the start until the end)', () => {
  it('opens 30 minutes before the start', () => expect(SESSION_CHECKIN_OPENS_MINUTES).toBe(30));

  it.each([
    ['an hour before', '13:00', 'program_checkin_too_early'],
    ['31 minutes before', '13:29', 'program_checkin_too_early'],
    ['a millisecond before the window', new Date(at('13:30').getTime() - 1), 'program_checkin_too_early'],
    ['exactly 30 minutes before', '13:30', null],
    ['10 minutes before', '13:50', null],
    ['at the start', '14:00', null],
    ['in the middle', '15:00', null],
    ['exactly at the end', '16:00', null],
    ['a millisecond after the end', new Date(at('16:00').getTime() + 1), 'program_checkin_too_late'],
    ['an hour after the end', '17:00', 'program_checkin_too_late'],
    ['the next day', new Date('2026-03-11T14:00:00+09:00'), 'program_checkin_too_late'],
  ] as const)('%s: %s', (_name, when, expected) => {
    const now = typeof when === 'string' ? at(when) : when;
    expect(sessionCheckinRefusal(now, session)).toBe(expected);
  });

  it('works across midnight in Seoul (a session 23:40–00:40)', () => {
    const late = { startsAt: at('23:40'), endsAt: new Date('2026-03-11T00:40:00+09:00') };
    expect(sessionCheckinRefusal(at('23:09'), late)).toBe('program_checkin_too_early');
    expect(sessionCheckinRefusal(at('23:10'), late)).toBeNull();
    expect(sessionCheckinRefusal(new Date('2026-03-11T00:30:00+09:00'), late)).toBeNull();
    expect(sessionCheckinRefusal(new Date('2026-03-11T00:41:00+09:00'), late)).toBe(
      'program_checkin_too_late',
    );
  });
});

describe('which session a code checks in to', () => {
  const first = { id: 'first', startsAt: at('10:00'), endsAt: at('12:00') };
  const second = { id: 'second', startsAt: at('14:00'), endsAt: at('16:00') };
  const overlapping = { id: 'overlapping', startsAt: at('11:45'), endsAt: at('13:00') };

  it.each([
    ['before every session', '09:00', [second, first], { refusal: 'program_checkin_too_early' }],
    ['inside the first window', '09:40', [second, first], { session: 'first' }],
    ['between sessions, too early', '13:00', [first, second], { refusal: 'program_checkin_too_early' }],
    ['inside the second window', '13:45', [first, second], { session: 'second' }],
    ['after every session', '16:30', [first, second], { refusal: 'program_checkin_too_late' }],
    ['two windows open: the one starting first', '11:30', [overlapping, first], { session: 'first' }],
    ['no sessions at all', '11:00', [], { refusal: 'program_checkin_no_session' }],
  ] as const)('%s', (_name, when, sessions, expected) => {
    const found = sessionToCheckIn(at(when), sessions);
    expect('session' in found ? { session: found.session.id } : found).toEqual(expected);
  });
});
