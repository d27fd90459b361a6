/**
 * Gathers concurrent calls into one call of `run` with all of them, so that a rush of requests costs
 * the database one statement (and one commit) per batch instead of one per request. At most
 * `MOST_IN_FLIGHT` batches of one kind run at once per database handle; calls arriving meanwhile
 * wait and go together in the next. A quiet server pays nothing: a call alone is a batch of one,
 * sent on the same turn of the event loop. This is not a cache: each call is answered by the
 * statement it took part in.
 *
 * `run` answers each item in order (an array as long as `items`). When a batch fails, each of its
 * items runs again alone, so one request's trouble (a row gone meanwhile) stays that request's.
 * One batcher per database handle: a transaction is its own handle, with batches of its own.
 */
export function batcher<Item, Answer, Handle extends object>(
  run: (handle: Handle, items: Item[]) => Promise<Answer[]>,
): (handle: Handle, item: Item) => Promise<Answer> {
  type Call = { item: Item; resolve: (a: Answer) => void; reject: (e: unknown) => void };
  const state = new WeakMap<Handle, { waiting: Call[]; inFlight: number; scheduled: boolean }>();

  async function settle(handle: Handle, batch: Call[]) {
    try {
      const answers = await run(
        handle,
        batch.map((c) => c.item),
      );
      for (const [i, c] of batch.entries()) c.resolve(answers[i]);
    } catch (err) {
      if (batch.length === 1) batch[0].reject(err);
      else for (const c of batch) await settle(handle, [c]);
    }
  }

  function send(handle: Handle) {
    const s = state.get(handle);
    if (!s) return;
    s.scheduled = false;
    if (s.waiting.length === 0 || s.inFlight >= MOST_IN_FLIGHT) return;
    const batch = s.waiting;
    s.waiting = [];
    s.inFlight++;
    void settle(handle, batch).finally(() => {
      s.inFlight--;
      if (s.waiting.length > 0) schedule(handle, s);
      else if (s.inFlight === 0) state.delete(handle);
    });
  }

  function schedule(handle: Handle, s: { scheduled: boolean }) {
    if (s.scheduled) return;
    s.scheduled = true;
    // setImmediate runs after the poll phase: every request read in this turn has joined by then.
    setImmediate(() => send(handle));
  }

  return (handle, item) =>
    new Promise<Answer>((resolve, reject) => {
      let s = state.get(handle);
      if (!s) {
        s = { waiting: [], inFlight: 0, scheduled: false };
        state.set(handle, s);
      }
      s.waiting.push({ item, resolve, reject });
      if (s.inFlight < MOST_IN_FLIGHT) schedule(handle, s);
    });
}

/** Enough to keep a statement on the way while another's answer is read; more only splits batches. */
const MOST_IN_FLIGHT = 2;
