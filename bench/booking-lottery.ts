import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { drawLottery, type LotteryApplicant } from '../server/modules/booking/programs/lottery.ts';
import { round3 } from './harness.ts';

// Booking benchmark 3: a lottery of 10,000 applicants for 100 seats (the goal: under 2 s, and the
// same seed gives the same draw). Pure computation, no database. Each seed is drawn twice, the
// second time from the applicants in reverse order: `reproducible` says both draws were identical.

export interface LotteryMeasurement {
  bench: 'booking-lottery';
  db: 'none';
  applicants: number;
  seats: number;
  seed: string;
  /** Wall time of the first draw of this seed. */
  ms: number;
  reproducible: boolean;
}

const APPLICANTS = 10_000;
const SEATS = 100;
const SEEDS = ['hamkke-2019', '2019-청년아카데미-1기', 'KOSPI 2019-03-29 2140.67', 'bench-4', 'bench-5'];

/** UUID-shaped ids, the same every run (what the booking tables key applicants by). */
function applicants(n: number): LotteryApplicant[] {
  const opened = Date.UTC(2019, 2, 4, 0, 0);
  return Array.from({ length: n }, (_, i) => {
    const h = createHash('sha256').update(`applicant ${i}`).digest('hex');
    return {
      id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
      appliedAt: new Date(opened + i * 1000),
    };
  });
}

export async function runBookingLotteryBench(opts: { log: (line: string) => void }): Promise<void> {
  const list = applicants(APPLICANTS);
  const reversed = list.slice().reverse();
  for (const seed of SEEDS) {
    const started = performance.now();
    const draw = drawLottery({ seats: SEATS, applicants: list, seed });
    const ms = performance.now() - started;
    const again = drawLottery({ seats: SEATS, applicants: reversed, seed });
    const m: LotteryMeasurement = {
      bench: 'booking-lottery',
      db: 'none',
      applicants: APPLICANTS,
      seats: SEATS,
      seed,
      ms: round3(ms),
      reproducible: isDeepStrictEqual(draw, again) && draw.winners.length === SEATS,
    };
    opts.log(JSON.stringify(m));
  }
}
