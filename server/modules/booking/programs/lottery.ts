import { createHash, createHmac } from 'node:crypto';

/*
 * The lottery (추첨) for a popular program: a draw anyone can repeat from published facts.
 *
 * Algorithm "hamkke-lottery/1" — enough to re-implement it in any language:
 *
 * 1. Canonical order. Applicant ids are sorted by their UTF-8 bytes (unsigned, shorter prefix
 *    first), so the order the database returned them in never matters. Ids are unique, non-empty,
 *    valid Unicode, and hold no control characters.
 * 2. Input digest. SHA-256 (lower-case hex) of the UTF-8 text
 *      "hamkke-lottery/1\n" + "seats=<seats>\n" + for each applicant in canonical order
 *      "<id>\t<appliedAt as ISO 8601 UTC with milliseconds>\n".
 *    Staff publish it when applications close, before the seed is known, so the list cannot be
 *    changed afterwards without everyone seeing a different digest.
 * 3. Seed. The published string, Unicode-normalized to NFC (a Korean seed typed on two systems
 *    may arrive composed or decomposed), used as its UTF-8 bytes.
 * 4. Random stream. Block k (k = 0, 1, 2, …) is HMAC-SHA-256(key = seed bytes, message = k as an
 *    8-byte big-endian unsigned integer). The blocks are concatenated and read as consecutive
 *    32-bit big-endian unsigned integers.
 * 5. Uniform integer below n (1 ≤ n ≤ 2^32): limit = 2^32 − (2^32 mod n); read integers u from the
 *    stream until u < limit, then answer u mod n. Rejecting the top sliver removes modulo bias.
 * 6. Shuffle (Fisher–Yates, from the end): for i = count−1 down to 1, j = uniform(i + 1), swap
 *    positions i and j of the canonical order.
 * 7. The first min(seats, count) of the shuffled order win, in that order; the rest form the
 *    waiting list, in that order.
 *
 * Application time is recorded in the digest (it proves who applied within the window) but never
 * changes anyone's chance: in a lottery, applying early is no advantage.
 */

export const LOTTERY_ALGORITHM = 'hamkke-lottery/1';

export interface LotteryApplicant {
  id: string;
  appliedAt: Date;
}

export interface LotteryInput {
  seats: number;
  applicants: readonly LotteryApplicant[];
  seed: string;
}

export interface LotteryDraw {
  algorithm: typeof LOTTERY_ALGORITHM;
  /** The seed as used (NFC). */
  seed: string;
  seats: number;
  /** Applicant ids in canonical order: the shuffle's starting point. */
  canonicalOrder: string[];
  /** SHA-256 hex of the canonical input (step 2 above). */
  inputDigest: string;
  /** Winners in drawn order. */
  winners: string[];
  /** Everyone else, in drawn order: position 1 is offered the first seat that frees up. */
  waitingList: string[];
}

export type LotteryErrorCode =
  | 'lottery_seats'
  | 'lottery_seed'
  | 'lottery_applicant_id'
  | 'lottery_applied_at'
  | 'lottery_duplicate_applicant'
  | 'lottery_too_many';

/** A refused input; the route turns its code into a 400 in the reader's language. */
export class LotteryInputError extends Error {
  constructor(
    public readonly code: LotteryErrorCode,
    public readonly applicantId?: string,
  ) {
    super(applicantId === undefined ? code : `${code}: ${applicantId}`);
    this.name = 'LotteryInputError';
  }
}

const TWO_32 = 2 ** 32;
// Ids end up in a tab-separated, line-per-applicant text; control characters would make it ambiguous.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const SURROGATE = /[\ud800-\udfff]/;
// A lone surrogate has no UTF-8 form: two such ids could become the same bytes.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Reads the HMAC-SHA-256 counter-mode stream of step 4 as 32-bit words. */
export function lotteryStream(seed: string): () => number {
  const key = Buffer.from(seed.normalize('NFC'), 'utf8');
  const counter = Buffer.alloc(8);
  let block = Buffer.alloc(0);
  let offset = 0;
  let k = 0n;
  return () => {
    if (offset >= block.length) {
      counter.writeBigUInt64BE(k++);
      block = createHmac('sha256', key).update(counter).digest();
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  };
}

/** Step 5: a uniform integer in [0, n) from the stream, by rejection sampling. */
export function uniformBelow(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`uniformBelow: ${n}`);
  const limit = TWO_32 - (TWO_32 % n);
  for (;;) {
    const u = next();
    if (u < limit) return u % n;
  }
}

/** Steps 1 and 2: the canonical order and the digest staff publish before the seed is known. */
export function lotteryCanonicalInput(
  seats: number,
  applicants: readonly LotteryApplicant[],
): { canonicalOrder: string[]; inputDigest: string } {
  if (!Number.isSafeInteger(seats) || seats < 1) throw new LotteryInputError('lottery_seats');
  if (applicants.length >= TWO_32) throw new LotteryInputError('lottery_too_many');
  let surrogates = false;
  for (const a of applicants) {
    if (typeof a.id !== 'string' || a.id === '' || CONTROL.test(a.id) || LONE_SURROGATE.test(a.id))
      throw new LotteryInputError('lottery_applicant_id', a.id);
    if (!(a.appliedAt instanceof Date) || Number.isNaN(a.appliedAt.getTime()))
      throw new LotteryInputError('lottery_applied_at', a.id);
    surrogates ||= SURROGATE.test(a.id);
  }
  // UTF-8 byte order is code point order, which JavaScript's UTF-16 comparison matches unless a
  // character outside the BMP meets one in U+E000–U+FFFF; only then are the bytes compared.
  const sorted = applicants.slice();
  if (surrogates) {
    const bytes = new Map(sorted.map((a) => [a, Buffer.from(a.id, 'utf8')]));
    sorted.sort((x, y) => Buffer.compare(bytes.get(x)!, bytes.get(y)!));
  } else sorted.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const lines = [`${LOTTERY_ALGORITHM}\nseats=${seats}\n`];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.id === a.id) throw new LotteryInputError('lottery_duplicate_applicant', a.id);
    lines.push(`${a.id}\t${a.appliedAt.toISOString()}\n`);
  }
  const inputDigest = createHash('sha256').update(lines.join(''), 'utf8').digest('hex');
  return { canonicalOrder: sorted.map((a) => a.id), inputDigest };
}

/** Draws the lottery; the same seats, applicants (in any order) and seed always give the same draw. */
export function drawLottery(input: LotteryInput): LotteryDraw {
  const seed = input.seed.normalize('NFC');
  if (seed.trim() === '') throw new LotteryInputError('lottery_seed');
  const { canonicalOrder, inputDigest } = lotteryCanonicalInput(input.seats, input.applicants);
  const order = canonicalOrder.slice();
  const next = lotteryStream(seed);
  for (let i = order.length - 1; i >= 1; i--) {
    const j = uniformBelow(next, i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return {
    algorithm: LOTTERY_ALGORITHM,
    seed,
    seats: input.seats,
    canonicalOrder,
    inputDigest,
    winners: order.slice(0, input.seats),
    waitingList: order.slice(input.seats),
  };
}
