import { describe, expect, it } from 'vitest';
import {
  drawLottery,
  LOTTERY_ALGORITHM,
  type LotteryApplicant,
  LotteryInputError,
  lotteryCanonicalInput,
  lotteryStream,
  uniformBelow,
} from './lottery.ts';

const people = (n: number, prefix = 'applicant-'): LotteryApplicant[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${String(i + 1).padStart(2, '0')}`,
    appliedAt: new Date(Date.UTC(2019, 2, 4, 0, i)),
  }));

/** A deterministic reordering (no Math.random: a failing case must fail every time). */
const scrambled = <T>(xs: readonly T[], seed: string): T[] => {
  const next = lotteryStream(`scramble:${seed}`);
  return xs
    .map((x) => ({ x, k: next() }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);
};

const order = (d: { winners: string[]; waitingList: string[] }) => [...d.winners, ...d.waitingList];

describe('the reference vector', () => {
  // Computed once by this implementation and matched by an independent re-implementation of the
  // documented algorithm (Python's hmac/hashlib) before being written down. Changing it changes
  // the published algorithm: bump LOTTERY_ALGORITHM instead.
  it('seed "hamkke-2019", applicants applicant-01…10 (applied 2019-03-04 00:00–00:09 UTC), 3 seats', () => {
    const draw = drawLottery({ seats: 3, applicants: people(10), seed: 'hamkke-2019' });
    expect(draw).toEqual({
      algorithm: 'hamkke-lottery/1',
      seed: 'hamkke-2019',
      seats: 3,
      canonicalOrder: people(10).map((p) => p.id),
      inputDigest: '7f4fffb7ad9365261091805d523227afcd193264fdaad7444018f6a72e64d81d',
      winners: ['applicant-06', 'applicant-10', 'applicant-01'],
      waitingList: [
        'applicant-05',
        'applicant-08',
        'applicant-09',
        'applicant-03',
        'applicant-02',
        'applicant-04',
        'applicant-07',
      ],
    });
  });

  it('the stream of "hamkke-2019" begins with these words', () => {
    const next = lotteryStream('hamkke-2019');
    const words = Array.from({ length: 9 }, () => next().toString(16).padStart(8, '0'));
    // Nine words: the ninth comes from the second HMAC block (counter 1).
    expect(words).toEqual([
      '4f1f9f84',
      'af9fc719',
      '84d3b821',
      'c3ae90c0',
      'a323f999',
      'ed3d7114',
      '0b889961',
      'f0e295ae',
      'a3d7adac',
    ]);
  });
});

describe('reproducible', () => {
  it('the same seed gives the same draw whatever order the applicants come in', () => {
    const applicants = people(40);
    const first = drawLottery({ seats: 7, applicants, seed: '2019 청년 아카데미 1기' });
    for (const s of ['a', 'b', 'c', 'd']) {
      const again = drawLottery({
        seats: 7,
        applicants: scrambled(applicants, s),
        seed: '2019 청년 아카데미 1기',
      });
      expect(again).toEqual(first);
    }
    expect(drawLottery({ seats: 7, applicants: applicants.slice().reverse(), seed: first.seed })).toEqual(
      first,
    );
  });

  it('different seeds give different orders', () => {
    const applicants = people(10);
    const orders = new Set<string>();
    for (let i = 0; i < 200; i++)
      orders.add(order(drawLottery({ seats: 3, applicants, seed: `seed-${i}` })).join(','));
    // 10! orders: 200 seeds colliding would mean the seed is not really used.
    expect(orders.size).toBe(200);
  });

  it('a seed typed composed or decomposed (NFC/NFD) is the same seed', () => {
    const seed = '함께-추첨';
    const nfc = drawLottery({ seats: 2, applicants: people(8), seed: seed.normalize('NFC') });
    const nfd = drawLottery({ seats: 2, applicants: people(8), seed: seed.normalize('NFD') });
    expect(nfd).toEqual(nfc);
    expect(nfd.seed).toBe(seed.normalize('NFC'));
  });

  it('application times enter the digest but never the order', () => {
    const a = people(12);
    const later = a.map((p) => ({ ...p, appliedAt: new Date(p.appliedAt.getTime() + 3_600_000) }));
    const x = drawLottery({ seats: 4, applicants: a, seed: 's' });
    const y = drawLottery({ seats: 4, applicants: later, seed: 's' });
    expect(order(y)).toEqual(order(x));
    expect(y.inputDigest).not.toBe(x.inputDigest);
  });

  it('the digest changes with the seats and the list, not with the seed', () => {
    const base = lotteryCanonicalInput(3, people(5)).inputDigest;
    expect(lotteryCanonicalInput(4, people(5)).inputDigest).not.toBe(base);
    expect(lotteryCanonicalInput(3, people(6)).inputDigest).not.toBe(base);
    expect(drawLottery({ seats: 3, applicants: people(5), seed: 'one' }).inputDigest).toBe(base);
    expect(drawLottery({ seats: 3, applicants: people(5), seed: 'two' }).inputDigest).toBe(base);
  });

  it('does not touch its input', () => {
    const applicants = scrambled(people(9), 'x');
    const copy = applicants.map((p) => ({ ...p }));
    drawLottery({ seats: 2, applicants, seed: 's' });
    expect(applicants).toEqual(copy);
  });
});

describe('fair', () => {
  // Deterministic seeds, so these statistics are fixed numbers: they cannot flake, and a change to
  // the algorithm that biased it would fail them every time.
  // Chi-square critical values at p = 0.001: 23 degrees of freedom 49.73, 9 degrees 27.88.
  const chiSquare = (counts: number[], expected: number) =>
    counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);

  it('all 24 orders of 4 applicants are equally likely', () => {
    const applicants = people(4);
    const seen = new Map<string, number>();
    const draws = 24 * 500;
    for (let i = 0; i < draws; i++) {
      const key = order(drawLottery({ seats: 1, applicants, seed: `perm-${i}` })).join(',');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(24);
    expect(chiSquare([...seen.values()], draws / 24)).toBeLessThan(49.73);
  });

  it('each of 10 applicants wins 3 seats in 10 as often as the others', () => {
    const applicants = people(10);
    const wins = new Map(applicants.map((a) => [a.id, 0]));
    const draws = 5000;
    for (let i = 0; i < draws; i++)
      for (const w of drawLottery({ seats: 3, applicants, seed: `win-${i}` }).winners)
        wins.set(w, wins.get(w)! + 1);
    expect(chiSquare([...wins.values()], (draws * 3) / 10)).toBeLessThan(27.88);
  });

  it('rejection sampling throws away the words that would bias the modulo', () => {
    // n = 3: 2^32 mod 3 = 1, so only 2^32 − 1 is refused; the next word decides.
    const words = [0xffffffff, 5];
    expect(uniformBelow(() => words.shift()!, 3)).toBe(2);
    // n = 2^31 + 1: one multiple of n fits below 2^32, so every word ≥ n (almost half) is refused.
    const n = 2 ** 31 + 1;
    expect(2 ** 32 - (2 ** 32 % n)).toBe(n);
    const more = [n, 0xffffffff, 7];
    expect(uniformBelow(() => more.shift()!, n)).toBe(7);
    expect(uniformBelow(() => 0xffffffff, 2 ** 32)).toBe(0xffffffff);
    expect(uniformBelow(() => 123, 1)).toBe(0);
    expect(() => uniformBelow(() => 0, 0)).toThrow(RangeError);
  });
});

describe('edge cases', () => {
  it('fewer applicants than seats: everyone wins, nobody waits', () => {
    const d = drawLottery({ seats: 10, applicants: people(4), seed: 's' });
    expect(d.winners.slice().sort()).toEqual(people(4).map((p) => p.id));
    expect(d.waitingList).toEqual([]);
  });

  it('exactly as many applicants as seats', () => {
    const d = drawLottery({ seats: 5, applicants: people(5), seed: 's' });
    expect(d.winners).toHaveLength(5);
    expect(d.waitingList).toEqual([]);
  });

  it('nobody applied, or one person did', () => {
    expect(drawLottery({ seats: 3, applicants: [], seed: 's' })).toMatchObject({
      winners: [],
      waitingList: [],
      canonicalOrder: [],
    });
    expect(drawLottery({ seats: 1, applicants: people(1), seed: 's' }).winners).toEqual(['applicant-01']);
  });

  it('one seat among many: one winner, everyone else waits, nobody lost or repeated', () => {
    const applicants = people(50);
    const d = drawLottery({ seats: 1, applicants, seed: 's' });
    expect(d.winners).toHaveLength(1);
    expect(d.waitingList).toHaveLength(49);
    expect(order(d).sort()).toEqual(applicants.map((a) => a.id));
  });

  it('sorts ids by their UTF-8 bytes', () => {
    // UTF-16 order would put U+FF5E (～) after U+1F600 (😀, a surrogate pair starting 0xD83D);
    // in UTF-8 bytes (EF BD… < F0 9F…) it comes first.
    const ids = ['😀', '～', 'b', 'B', '가', 'a'];
    const d = lotteryCanonicalInput(
      1,
      ids.map((id) => ({ id, appliedAt: new Date(0) })),
    );
    expect(d.canonicalOrder).toEqual(['B', 'a', 'b', '가', '～', '😀']);
  });

  it('algorithm name is recorded', () => {
    expect(drawLottery({ seats: 1, applicants: people(2), seed: 's' }).algorithm).toBe(LOTTERY_ALGORITHM);
  });

  const refused: Array<[string, () => unknown, string, string?]> = [
    [
      'a duplicated applicant',
      () =>
        drawLottery({
          seats: 2,
          applicants: [...people(3), { id: 'applicant-02', appliedAt: new Date(5) }],
          seed: 's',
        }),
      'lottery_duplicate_applicant',
      'applicant-02',
    ],
    ['zero seats', () => drawLottery({ seats: 0, applicants: people(3), seed: 's' }), 'lottery_seats'],
    [
      'fractional seats',
      () => drawLottery({ seats: 1.5, applicants: people(3), seed: 's' }),
      'lottery_seats',
    ],
    ['an empty seed', () => drawLottery({ seats: 1, applicants: people(3), seed: '' }), 'lottery_seed'],
    ['a blank seed', () => drawLottery({ seats: 1, applicants: people(3), seed: ' \t ' }), 'lottery_seed'],
    [
      'an empty id',
      () => drawLottery({ seats: 1, applicants: [{ id: '', appliedAt: new Date(0) }], seed: 's' }),
      'lottery_applicant_id',
    ],
    [
      'an id with a tab',
      () => drawLottery({ seats: 1, applicants: [{ id: 'a\tb', appliedAt: new Date(0) }], seed: 's' }),
      'lottery_applicant_id',
    ],
    [
      'an id that is not valid Unicode (a lone surrogate)',
      () => drawLottery({ seats: 1, applicants: [{ id: 'a\ud800', appliedAt: new Date(0) }], seed: 's' }),
      'lottery_applicant_id',
    ],
    [
      'an invalid time',
      () => drawLottery({ seats: 1, applicants: [{ id: 'a', appliedAt: new Date('x') }], seed: 's' }),
      'lottery_applied_at',
      'a',
    ],
  ];
  it.each(refused)('refuses %s', (_, run, code, applicantId) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LotteryInputError);
    expect((error as LotteryInputError).code).toBe(code);
    if (applicantId) expect((error as LotteryInputError).applicantId).toBe(applicantId);
  });
});
