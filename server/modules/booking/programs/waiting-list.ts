/*
 * First-come registration and the waiting list, as pure functions over one session's seats.
 *
 * A seat is confirmed, held by an offer, or free. When a seat frees up it is never handed to
 * whoever asks next: the first person waiting is offered it and has until `confirmBy` to take it,
 * while the seat is held for them. An offer that lapses or is declined passes to the next person;
 * the person who let it lapse leaves the list (keeping their place would block everyone behind them).
 * Newcomers join the end of the list whenever anyone is waiting, even if a seat happens to be free,
 * so nobody overtakes people already waiting.
 *
 * The functions never mutate their input and return the new state plus what happened, so the caller
 * can store it in one transaction and tell the people concerned (an "offered" effect is a
 * notification with its deadline).
 */

export interface SeatOffer {
  personId: string;
  /** The offer is open while now < confirmBy; at confirmBy it lapses. */
  confirmBy: Date;
}

export interface SeatState {
  capacity: number;
  confirmed: number;
  /** Seats held for people offered them, oldest first. */
  offers: readonly SeatOffer[];
  /** People waiting, first in line first. */
  waiting: readonly string[];
}

export interface OfferTiming {
  now: Date;
  /** How long a person has to confirm an offered seat. */
  holdMs: number;
  /** No offer runs past this (e.g. the session's start); none is made from it on. */
  notAfter?: Date;
}

export type SeatEffect =
  | { kind: 'offered'; personId: string; confirmBy: Date }
  | { kind: 'lapsed'; personId: string }
  | { kind: 'declined'; personId: string }
  | { kind: 'seat-freed' };

export interface Changed<O> {
  state: SeatState;
  outcome: O;
  /** In the order they happened. */
  effects: SeatEffect[];
}

export type WaitingListErrorCode = 'waiting_state' | 'waiting_timing' | 'waiting_nothing_to_cancel';

/** The caller passed an impossible state or timing: a bug upstream, not a person's mistake. */
export class WaitingListError extends Error {
  constructor(public readonly code: WaitingListErrorCode) {
    super(code);
    this.name = 'WaitingListError';
  }
}

const count = (n: number) => Number.isSafeInteger(n) && n >= 0;

function checkState(s: SeatState): void {
  if (!count(s.capacity) || !count(s.confirmed)) throw new WaitingListError('waiting_state');
  const seen = new Set<string>();
  for (const id of [...s.offers.map((o) => o.personId), ...s.waiting]) {
    if (id === '' || seen.has(id)) throw new WaitingListError('waiting_state');
    seen.add(id);
  }
}

function checkTiming(t: OfferTiming): void {
  if (Number.isNaN(t.now.getTime()) || !(t.holdMs > 0) || !Number.isFinite(t.holdMs))
    throw new WaitingListError('waiting_timing');
  if (t.notAfter && Number.isNaN(t.notAfter.getTime())) throw new WaitingListError('waiting_timing');
}

/** Seats neither confirmed nor held by an offer (never negative, even after capacity shrank). */
export function freeSeats(s: SeatState): number {
  return Math.max(0, s.capacity - s.confirmed - s.offers.length);
}

/** 1-based place in the waiting list, or null. */
export function waitingPosition(s: SeatState, personId: string): number | null {
  const i = s.waiting.indexOf(personId);
  return i < 0 ? null : i + 1;
}

/**
 * Offers every free seat to the people at the head of the list. The cancellations and expiries
 * below call it; call it yourself after raising a session's capacity.
 */
export function fillFreeSeats(state: SeatState, timing: OfferTiming): Changed<{ offered: number }> {
  checkState(state);
  checkTiming(timing);
  return fill(state, timing, []);
}

function fill(state: SeatState, timing: OfferTiming, effects: SeatEffect[]): Changed<{ offered: number }> {
  const now = timing.now.getTime();
  const end = timing.notAfter?.getTime();
  if (end !== undefined && now >= end) return { state, outcome: { offered: 0 }, effects };
  const n = Math.min(freeSeats(state), state.waiting.length);
  if (n === 0) return { state, outcome: { offered: 0 }, effects };
  const confirmBy = new Date(Math.min(now + timing.holdMs, end ?? Number.POSITIVE_INFINITY));
  const offers = state.waiting.slice(0, n).map((personId) => ({ personId, confirmBy }));
  for (const o of offers) effects.push({ kind: 'offered', personId: o.personId, confirmBy });
  return {
    state: { ...state, offers: [...state.offers, ...offers], waiting: state.waiting.slice(n) },
    outcome: { offered: n },
    effects,
  };
}

export type RegisterOutcome =
  | { kind: 'confirmed' }
  | { kind: 'waiting'; position: number }
  | { kind: 'already-waiting'; position: number }
  | { kind: 'already-offered'; confirmBy: Date };

/**
 * A first-come registration. Whether the person already holds a confirmed seat is the caller's to
 * know (the state keeps only the count); offers and the list are checked here, so a retry never
 * queues someone twice.
 */
export function register(state: SeatState, personId: string): Changed<RegisterOutcome> {
  checkState(state);
  if (personId === '') throw new WaitingListError('waiting_state');
  const offer = state.offers.find((o) => o.personId === personId);
  if (offer) return { state, outcome: { kind: 'already-offered', confirmBy: offer.confirmBy }, effects: [] };
  const position = waitingPosition(state, personId);
  if (position !== null) return { state, outcome: { kind: 'already-waiting', position }, effects: [] };
  if (state.waiting.length === 0 && freeSeats(state) > 0)
    return {
      state: { ...state, confirmed: state.confirmed + 1 },
      outcome: { kind: 'confirmed' },
      effects: [],
    };
  const waiting = [...state.waiting, personId];
  return {
    state: { ...state, waiting },
    outcome: { kind: 'waiting', position: waiting.length },
    effects: [],
  };
}

/**
 * Newcomers (none already offered or waiting) in arrival order, at once: each gets what `register`
 * would give them in turn. One pass, not a copy of the list per person: a rush's batch is hundreds
 * long and the list thousands.
 */
export function registerNewcomers(
  state: SeatState,
  personIds: readonly string[],
): Changed<Array<Extract<RegisterOutcome, { kind: 'confirmed' | 'waiting' }>>> {
  checkState(state);
  const known = new Set([...state.offers.map((o) => o.personId), ...state.waiting]);
  let confirmed = state.confirmed;
  const joined: string[] = [];
  const outcome = personIds.map((id) => {
    if (id === '' || known.has(id)) throw new WaitingListError('waiting_state');
    known.add(id);
    if (joined.length === 0 && state.waiting.length === 0 && freeSeats({ ...state, confirmed }) > 0) {
      confirmed++;
      return { kind: 'confirmed' as const };
    }
    joined.push(id);
    return { kind: 'waiting' as const, position: state.waiting.length + joined.length };
  });
  return { state: { ...state, confirmed, waiting: [...state.waiting, ...joined] }, outcome, effects: [] };
}

/** A confirmed person gives their seat back (or staff cancel it): the next person is offered it. */
export function cancelSeat(state: SeatState, timing: OfferTiming): Changed<{ offered: number }> {
  checkState(state);
  checkTiming(timing);
  if (state.confirmed === 0) throw new WaitingListError('waiting_nothing_to_cancel');
  return fill({ ...state, confirmed: state.confirmed - 1 }, timing, [{ kind: 'seat-freed' }]);
}

/** Someone waiting (not yet offered a seat) leaves the list; everyone behind moves up. */
export function leaveWaitingList(state: SeatState, personId: string): Changed<{ left: boolean }> {
  checkState(state);
  if (!state.waiting.includes(personId)) return { state, outcome: { left: false }, effects: [] };
  return {
    state: { ...state, waiting: state.waiting.filter((id) => id !== personId) },
    outcome: { left: true },
    effects: [],
  };
}

export type ConfirmOutcome = { kind: 'confirmed' } | { kind: 'expired' } | { kind: 'no-offer' };

/**
 * The person offered a seat takes it. Too late (now ≥ confirmBy) is 'expired' and changes nothing:
 * `expireOffers` passes the seat on, so a confirmation racing the expiry job cannot take it twice.
 */
export function confirmOffer(state: SeatState, personId: string, now: Date): Changed<ConfirmOutcome> {
  checkState(state);
  const offer = state.offers.find((o) => o.personId === personId);
  if (!offer) return { state, outcome: { kind: 'no-offer' }, effects: [] };
  if (now.getTime() >= offer.confirmBy.getTime()) return { state, outcome: { kind: 'expired' }, effects: [] };
  return {
    state: {
      ...state,
      confirmed: state.confirmed + 1,
      offers: state.offers.filter((o) => o !== offer),
    },
    outcome: { kind: 'confirmed' },
    effects: [],
  };
}

/** The person offered a seat says no: it goes to the next person. */
export function declineOffer(
  state: SeatState,
  personId: string,
  timing: OfferTiming,
): Changed<{ declined: boolean; offered: number }> {
  checkState(state);
  checkTiming(timing);
  const offer = state.offers.find((o) => o.personId === personId);
  if (!offer) return { state, outcome: { declined: false, offered: 0 }, effects: [] };
  const after = fill({ ...state, offers: state.offers.filter((o) => o !== offer) }, timing, [
    { kind: 'declined', personId },
  ]);
  return { ...after, outcome: { declined: true, offered: after.outcome.offered } };
}

/**
 * Offers whose deadline has come (confirmBy ≤ now) lapse, and their seats go to the next people.
 * Run by a job; running it late only makes the next deadlines start from its own `now`.
 */
export function expireOffers(
  state: SeatState,
  timing: OfferTiming,
): Changed<{ lapsed: number; offered: number }> {
  checkState(state);
  checkTiming(timing);
  const now = timing.now.getTime();
  const lapsed = state.offers.filter((o) => o.confirmBy.getTime() <= now);
  if (lapsed.length === 0) return { state, outcome: { lapsed: 0, offered: 0 }, effects: [] };
  const after = fill(
    { ...state, offers: state.offers.filter((o) => o.confirmBy.getTime() > now) },
    timing,
    lapsed.map((o) => ({ kind: 'lapsed', personId: o.personId })),
  );
  return { ...after, outcome: { lapsed: lapsed.length, offered: after.outcome.offered } };
}
