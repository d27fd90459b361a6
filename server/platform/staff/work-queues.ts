import type { Actor } from '../access/actor.ts';
import { can } from '../access/authorize.ts';
import type { DbOrTx } from '../db/connect.ts';
import type { Locale } from '../i18n/locale.ts';
import { hasMessage, t } from '../i18n/messages.ts';
import { assertModulesInstalled } from '../modules/installed.ts';
import { addDays, dateInSeoul, fullWorkingDaysBetween, type HolidayOptions } from '../time/index.ts';

// Staff work queues (the staff home, /staff): each module declares what waits for staff
// (defineModule({ workQueues })), the platform asks each for its count and oldest item. The platform
// knows no module: a new module's bookings to approve or applications to review appear by declaring
// a queue.

/** What one queue holds now, in one organization. */
export interface WorkQueueState {
  count: number;
  /** When the item that has waited longest came in; null when the queue is empty. */
  oldestCreatedAt: Date | null;
  /** Items that came in before `overdueBefore` (asked only of a queue with a target). */
  overdueCount?: number;
}

export interface WorkQueue {
  /** Unique, prefixed by the module's name ('youth.questions'). */
  kind: string;
  /** A key of the server's message catalog (ko and en) naming the queue for people. */
  labelKey: string;
  /** Where the web app shows the queue. */
  link: string;
  /** The policy whose holders work this queue: only they see it. */
  action: string;
  /** The promised time to handle an item, in working days (questions: 3), if there is one. */
  targetWorkingDays?: number;
  /**
   * The queue's state in the organization (scope every read by it). With a target, `overdueBefore`
   * is the instant before which an item has reached it, and the queue counts those as overdueCount.
   */
  state: (
    db: DbOrTx,
    request: { organizationId: string; overdueBefore: Date | null },
  ) => Promise<WorkQueueState>;
}

const queues = new Map<string, WorkQueue>();

export function registerWorkQueue(queue: WorkQueue): void {
  if (queues.has(queue.kind)) throw new Error(`Work queue ${queue.kind} is declared twice`);
  queues.set(queue.kind, queue);
}

/** Called once every module's messages are in: a queue without words in both languages stops the start. */
export function assertWorkQueuesLabelled(): void {
  for (const q of queues.values())
    if (!hasMessage(q.labelKey)) throw new Error(`Work queue ${q.kind}: no message ${q.labelKey}`);
}

// Ages must keep counting if the holiday table is not updated in time for a new year (fixed-date
// holidays still count), as the question inbox does.
const holidays: HolidayOptions = { outsideTable: 'solar-only' };

/**
 * The instant before which an item has waited `target` full working days by `today`: the end (Seoul
 * midnight) of the latest day that has. Found by stepping back: a few weeks at most, even over 추석.
 */
export function overdueBefore(today: string, target: number): Date {
  let day = today;
  while (fullWorkingDaysBetween(day, today, holidays) < target) day = addDays(day, -1);
  return new Date(`${addDays(day, 1)}T00:00:00+09:00`);
}

/** The queues this person works, in the order the modules were installed, with their oldest item's age. */
export async function workQueuesFor(
  db: DbOrTx,
  request: { organizationId: string; actor: Actor; locale: Locale; now?: Date },
) {
  assertModulesInstalled('Work queues');
  const today = dateInSeoul(request.now ?? new Date());
  const mine = [...queues.values()].filter((q) => can(request.actor, q.action));
  return Promise.all(
    mine.map(async (q) => {
      const target = q.targetWorkingDays;
      const { count, oldestCreatedAt, overdueCount } = await q.state(db, {
        organizationId: request.organizationId,
        overdueBefore: target === undefined ? null : overdueBefore(today, target),
      });
      if (target !== undefined && overdueCount === undefined)
        throw new Error(`Work queue ${q.kind} has a target but did not count its overdue items`);
      const age =
        oldestCreatedAt === null
          ? null
          : fullWorkingDaysBetween(dateInSeoul(oldestCreatedAt), today, holidays);
      return {
        kind: q.kind,
        label: t(request.locale, q.labelKey),
        count,
        oldestCreatedAt: oldestCreatedAt?.toISOString() ?? null,
        oldestWorkingDays: age,
        targetWorkingDays: q.targetWorkingDays ?? null,
        overdue: age !== null && target !== undefined && age >= target,
        overdueCount: overdueCount ?? 0,
        link: q.link,
      };
    }),
  );
}
