/**
 * Gathers the calls made in one turn of the event loop into one call of `run` with all of them, so
 * that a rush of requests costs the database one statement (and one commit) per turn instead of one
 * per request. A quiet server pays nothing: a call alone is a batch of one, sent on the same turn.
 * This is not a cache: each call is answered by the statement it took part in.
 *
 * `run` answers each item in order (an array as long as `items`). When a batch fails, each of its
 * items runs again alone, so one request's trouble (a row gone meanwhile) stays that request's.
 * One batcher per database handle: a transaction is its own handle, with batches of its own.
 */
export function batcher<Item, Answer, Handle extends object>(
  run: (handle: Handle, items: Item[]) => Promise<Answer[]>,
): (handle: Handle, item: Item) => Promise<Answer> {
  type Call = { item: Item; resolve: (a: Answer) => void; reject: (e: unknown) => void };
  const pending = new WeakMap<Handle, Call[]>();

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

  return (handle, item) =>
    new Promise<Answer>((resolve, reject) => {
      const queue = pending.get(handle);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      pending.set(handle, [{ item, resolve, reject }]);
      // setImmediate runs after the poll phase: every request read in this turn has joined by then.
      setImmediate(() => {
        const batch = pending.get(handle) ?? [];
        pending.delete(handle);
        void settle(handle, batch);
      });
    });
}
