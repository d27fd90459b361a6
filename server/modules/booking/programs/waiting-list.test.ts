import { describe, expect, it } from 'vitest';
import {
  cancelSeat,
  confirmOffer,
  declineOffer,
  expireOffers,
  fillFreeSeats,
  freeSeats,
  leaveWaitingList,
  type OfferTiming,
  register,
  registerNewcomers,
  type SeatState,
  WaitingListError,
  waitingPosition,
} from './waiting-list.ts';

const NOW = new Date('2019-04-01T01:00:00Z'); // 10:00 in Seoul
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const timing = (over: Partial<OfferTiming> = {}): OfferTiming => ({ now: NOW, holdMs: 24 * HOUR, ...over });
const state = (over: Partial<SeatState> = {}): SeatState => ({
  capacity: 3,
  confirmed: 0,
  offers: [],
  waiting: [],
  ...over,
});

describe('register (first come, first served)', () => {
  const cases: Array<
    [string, SeatState, string, ReturnType<typeof register>['outcome'], Partial<SeatState>]
  > = [
    [
      'a free seat and nobody waiting: confirmed',
      state({ confirmed: 1 }),
      'p',
      { kind: 'confirmed' },
      { confirmed: 2 },
    ],
    ['the last seat', state({ confirmed: 2 }), 'p', { kind: 'confirmed' }, { confirmed: 3 }],
    [
      'full: first in line',
      state({ confirmed: 3 }),
      'p',
      { kind: 'waiting', position: 1 },
      { waiting: ['p'] },
    ],
    [
      'full with people waiting: end of the line',
      state({ confirmed: 3, waiting: ['a', 'b'] }),
      'p',
      { kind: 'waiting', position: 3 },
      { waiting: ['a', 'b', 'p'] },
    ],
    [
      'seats held by offers are not free',
      state({ confirmed: 2, offers: [{ personId: 'a', confirmBy: at(24) }] }),
      'p',
      { kind: 'waiting', position: 1 },
      { waiting: ['p'] },
    ],
    [
      'a free seat while others wait (capacity just raised): no overtaking',
      state({ capacity: 4, confirmed: 3, waiting: ['a'] }),
      'p',
      { kind: 'waiting', position: 2 },
      { waiting: ['a', 'p'] },
    ],
    [
      'already waiting: same place, not twice',
      state({ confirmed: 3, waiting: ['a', 'p', 'b'] }),
      'p',
      { kind: 'already-waiting', position: 2 },
      {},
    ],
    [
      'already offered a seat: told the deadline',
      state({ confirmed: 2, offers: [{ personId: 'p', confirmBy: at(5) }] }),
      'p',
      { kind: 'already-offered', confirmBy: at(5) },
      {},
    ],
    [
      'capacity cut below the confirmed count: waits',
      state({ capacity: 2, confirmed: 3 }),
      'p',
      { kind: 'waiting', position: 1 },
      { waiting: ['p'] },
    ],
    ['no seats at all', state({ capacity: 0 }), 'p', { kind: 'waiting', position: 1 }, { waiting: ['p'] }],
  ];
  it.each(cases)('%s', (_, before, person, outcome, changes) => {
    const r = register(before, person);
    expect(r.outcome).toEqual(outcome);
    expect(r.state).toEqual({ ...before, ...changes });
    expect(r.effects).toEqual([]);
  });
});

describe('registerNewcomers: a batch gives what register gives one by one', () => {
  const starts: Array<[string, SeatState]> = [
    ['empty', state()],
    ['two seats left', state({ confirmed: 1 })],
    ['full', state({ confirmed: 3 })],
    ['people waiting while a seat is free', state({ confirmed: 2, waiting: ['a'] })],
    ['an offer holds the last seat', state({ confirmed: 2, offers: [{ personId: 'o', confirmBy: at(24) }] })],
  ];
  it.each(starts)('%s', (_, start) => {
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    let oneByOne = start;
    const outcomes = ids.map((id) => {
      const r = register(oneByOne, id);
      oneByOne = r.state;
      return r.outcome;
    });
    const batch = registerNewcomers(start, ids);
    expect(batch.outcome).toEqual(outcomes);
    expect(batch.state).toEqual(oneByOne);
    expect(batch.effects).toEqual([]);
  });

  it('someone already in line, or twice in the batch, is a bug upstream', () => {
    expect(() => registerNewcomers(state({ waiting: ['a'] }), ['a'])).toThrow(WaitingListError);
    expect(() => registerNewcomers(state(), ['p', 'p'])).toThrow(WaitingListError);
  });
});

describe('cancelSeat: the next person is offered the seat', () => {
  const cases: Array<[string, SeatState, OfferTiming, Partial<SeatState>, unknown[]]> = [
    [
      'nobody waiting: the seat is simply free',
      state({ confirmed: 3 }),
      timing(),
      { confirmed: 2 },
      [{ kind: 'seat-freed' }],
    ],
    [
      'the first in line is offered it for 24 hours',
      state({ confirmed: 3, waiting: ['a', 'b'] }),
      timing(),
      { confirmed: 2, offers: [{ personId: 'a', confirmBy: at(24) }], waiting: ['b'] },
      [{ kind: 'seat-freed' }, { kind: 'offered', personId: 'a', confirmBy: at(24) }],
    ],
    [
      'the deadline stops at the session start',
      state({ confirmed: 3, waiting: ['a'] }),
      timing({ notAfter: at(2) }),
      { confirmed: 2, offers: [{ personId: 'a', confirmBy: at(2) }], waiting: [] },
      [{ kind: 'seat-freed' }, { kind: 'offered', personId: 'a', confirmBy: at(2) }],
    ],
    [
      'the session has started: no offer',
      state({ confirmed: 3, waiting: ['a'] }),
      timing({ notAfter: NOW }),
      { confirmed: 2 },
      [{ kind: 'seat-freed' }],
    ],
    [
      'over capacity (capacity was cut): the cancellation frees nothing to offer',
      state({ capacity: 2, confirmed: 4, waiting: ['a'] }),
      timing(),
      { confirmed: 3 },
      [{ kind: 'seat-freed' }],
    ],
    [
      'after an earlier offer: the next one goes to the next person',
      state({ confirmed: 2, offers: [{ personId: 'a', confirmBy: at(3) }], waiting: ['b', 'c'] }),
      timing(),
      {
        confirmed: 1,
        offers: [
          { personId: 'a', confirmBy: at(3) },
          { personId: 'b', confirmBy: at(24) },
        ],
        waiting: ['c'],
      },
      [{ kind: 'seat-freed' }, { kind: 'offered', personId: 'b', confirmBy: at(24) }],
    ],
  ];
  it.each(cases)('%s', (_, before, t, changes, effects) => {
    const r = cancelSeat(before, t);
    expect(r.state).toEqual({ ...before, ...changes });
    expect(r.effects).toEqual(effects);
    expect(r.outcome.offered).toBe(effects.length - 1);
  });

  it('nothing confirmed to cancel is a bug upstream', () => {
    expect(() => cancelSeat(state({ waiting: ['a'] }), timing())).toThrow(WaitingListError);
  });
});

describe('an offer: confirmed, declined or lapsed', () => {
  const offered = state({
    confirmed: 2,
    offers: [{ personId: 'a', confirmBy: at(24) }],
    waiting: ['b', 'c'],
  });

  const confirms: Array<[string, string, Date, string, Partial<SeatState>]> = [
    ['in time', 'a', at(23.9), 'confirmed', { confirmed: 3, offers: [] }],
    ['at the deadline is too late', 'a', at(24), 'expired', {}],
    ['after it', 'a', at(30), 'expired', {}],
    ['someone only waiting has no offer', 'b', at(1), 'no-offer', {}],
    ['a stranger has no offer', 'z', at(1), 'no-offer', {}],
  ];
  it.each(confirms)('confirm %s', (_, person, now, kind, changes) => {
    const r = confirmOffer(offered, person, now);
    expect(r.outcome).toEqual({ kind });
    expect(r.state).toEqual({ ...offered, ...changes });
  });

  it('declined: passed to the next person at once', () => {
    const r = declineOffer(offered, 'a', timing({ now: at(1) }));
    expect(r.outcome).toEqual({ declined: true, offered: 1 });
    expect(r.state).toEqual({ ...offered, offers: [{ personId: 'b', confirmBy: at(25) }], waiting: ['c'] });
    expect(r.effects).toEqual([
      { kind: 'declined', personId: 'a' },
      { kind: 'offered', personId: 'b', confirmBy: at(25) },
    ]);
    expect(declineOffer(offered, 'b', timing()).outcome).toEqual({ declined: false, offered: 0 });
  });

  const expiries: Array<[string, SeatState, OfferTiming, Partial<SeatState>, unknown[]]> = [
    ['before the deadline: nothing happens', offered, timing({ now: at(23) }), {}, []],
    [
      'at the deadline: lapses, the next person is offered the seat from now',
      offered,
      timing({ now: at(24) }),
      { offers: [{ personId: 'b', confirmBy: at(48) }], waiting: ['c'] },
      [
        { kind: 'lapsed', personId: 'a' },
        { kind: 'offered', personId: 'b', confirmBy: at(48) },
      ],
    ],
    [
      'the job ran late: the new deadline still gives the full hold',
      offered,
      timing({ now: at(30) }),
      { offers: [{ personId: 'b', confirmBy: at(54) }], waiting: ['c'] },
      [
        { kind: 'lapsed', personId: 'a' },
        { kind: 'offered', personId: 'b', confirmBy: at(54) },
      ],
    ],
    [
      'nobody left waiting: the seat becomes free',
      state({ confirmed: 2, offers: [{ personId: 'a', confirmBy: at(1) }] }),
      timing({ now: at(2) }),
      { offers: [] },
      [{ kind: 'lapsed', personId: 'a' }],
    ],
    [
      'two lapse at once, one still open: two next people offered, in line order',
      state({
        capacity: 3,
        confirmed: 0,
        offers: [
          { personId: 'a', confirmBy: at(1) },
          { personId: 'b', confirmBy: at(5) },
          { personId: 'c', confirmBy: at(2) },
        ],
        waiting: ['d', 'e', 'f'],
      }),
      timing({ now: at(3), holdMs: 2 * HOUR }),
      {
        offers: [
          { personId: 'b', confirmBy: at(5) },
          { personId: 'd', confirmBy: at(5) },
          { personId: 'e', confirmBy: at(5) },
        ],
        waiting: ['f'],
      },
      [
        { kind: 'lapsed', personId: 'a' },
        { kind: 'lapsed', personId: 'c' },
        { kind: 'offered', personId: 'd', confirmBy: at(5) },
        { kind: 'offered', personId: 'e', confirmBy: at(5) },
      ],
    ],
    [
      'past the session start: lapses, no new offer',
      offered,
      timing({ now: at(24), notAfter: at(24) }),
      { offers: [] },
      [{ kind: 'lapsed', personId: 'a' }],
    ],
  ];
  it.each(expiries)('expire: %s', (_, before, t, changes, effects) => {
    const r = expireOffers(before, t);
    expect(r.state).toEqual({ ...before, ...changes });
    expect(r.effects).toEqual(effects);
  });
});

describe('leaving the list, filling, positions', () => {
  const waiting = state({ confirmed: 3, waiting: ['a', 'b', 'c'] });
  const leaves: Array<[string, string, boolean, string[]]> = [
    ['the first', 'a', true, ['b', 'c']],
    ['the middle', 'b', true, ['a', 'c']],
    ['someone not waiting', 'z', false, ['a', 'b', 'c']],
  ];
  it.each(leaves)('leave: %s', (_, person, left, after) => {
    const r = leaveWaitingList(waiting, person);
    expect(r.outcome).toEqual({ left });
    expect(r.state.waiting).toEqual(after);
    expect(r.effects).toEqual([]);
  });

  it('capacity raised by two: the first two waiting are offered seats', () => {
    const r = fillFreeSeats({ ...waiting, capacity: 5 }, timing({ holdMs: HOUR }));
    expect(r.outcome).toEqual({ offered: 2 });
    expect(r.state.offers).toEqual([
      { personId: 'a', confirmBy: at(1) },
      { personId: 'b', confirmBy: at(1) },
    ]);
    expect(r.state.waiting).toEqual(['c']);
  });

  const free: Array<[SeatState, number]> = [
    [state(), 3],
    [state({ confirmed: 1, offers: [{ personId: 'a', confirmBy: at(1) }] }), 1],
    [state({ confirmed: 5 }), 0],
  ];
  it.each(free)('free seats of %o: %i', (s, n) => expect(freeSeats(s)).toBe(n));

  it('positions are 1-based', () => {
    expect(waitingPosition(waiting, 'a')).toBe(1);
    expect(waitingPosition(waiting, 'c')).toBe(3);
    expect(waitingPosition(waiting, 'z')).toBeNull();
  });
});

describe('a session from start to finish', () => {
  it('registrations, a cancellation, a lapse and a confirmation keep every seat accounted for', () => {
    let s = state({ capacity: 2 });
    const outcomes = ['p1', 'p2', 'p3', 'p4'].map((p) => {
      const r = register(s, p);
      s = r.state;
      return r.outcome;
    });
    expect(outcomes).toEqual([
      { kind: 'confirmed' },
      { kind: 'confirmed' },
      { kind: 'waiting', position: 1 },
      { kind: 'waiting', position: 2 },
    ]);
    s = cancelSeat(s, timing()).state; // p1 or p2 cancels: p3 is offered
    expect(s.offers.map((o) => o.personId)).toEqual(['p3']);
    s = expireOffers(s, timing({ now: at(24) })).state; // p3 never answers: p4
    expect(s.offers).toEqual([{ personId: 'p4', confirmBy: at(48) }]);
    const done = confirmOffer(s, 'p4', at(30));
    expect(done.outcome).toEqual({ kind: 'confirmed' });
    expect(done.state).toEqual({ capacity: 2, confirmed: 2, offers: [], waiting: [] });
  });

  it('never changes the state it was given', () => {
    const before = state({ confirmed: 3, offers: [], waiting: ['a', 'b'] });
    const frozen = structuredClone(before);
    register(before, 'c');
    cancelSeat(before, timing());
    leaveWaitingList(before, 'a');
    expect(before).toEqual(frozen);
  });
});

describe('impossible input is refused', () => {
  const bad: Array<[string, () => unknown]> = [
    ['negative capacity', () => register(state({ capacity: -1 }), 'p')],
    ['fractional confirmed count', () => register(state({ confirmed: 0.5 }), 'p')],
    ['someone twice in the list', () => register(state({ waiting: ['a', 'a'] }), 'p')],
    [
      'someone both offered and waiting',
      () => register(state({ offers: [{ personId: 'a', confirmBy: at(1) }], waiting: ['a'] }), 'p'),
    ],
    ['an empty person id', () => register(state(), '')],
    ['no hold time', () => cancelSeat(state({ confirmed: 1 }), timing({ holdMs: 0 }))],
    ['an invalid now', () => expireOffers(state(), timing({ now: new Date('x') }))],
  ];
  it.each(bad)('%s', (_, run) => expect(run).toThrow(WaitingListError));
});
