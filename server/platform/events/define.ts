import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { DbOrTx } from '../db/connect.ts';
import type { Jobs } from '../jobs/boss.ts';

// Domain events: a feature says what happened ('youth.policy.published'); others react without the
// emitter knowing them. Subscribers run inside the emitter's transaction, so a reaction commits or
// rolls back with the change; anything they send people goes through the notification outbox.

export interface EventDefinition<T> {
  name: string;
  payload: z.ZodType<T>;
}

/** What a subscriber gets besides the payload: settings, and the job queue for the outbox's dispatch. */
export interface EventDeps {
  config: Config;
  jobs?: Pick<Jobs, 'send'>;
}

export interface Subscriber {
  /** Who reacts, for errors and the docs ('youth.alerts'). */
  name: string;
  event: string;
  handle: (tx: DbOrTx, payload: unknown, deps: EventDeps) => Promise<void>;
}

export function defineEvent<T>(name: string, payload: z.ZodType<T>): EventDefinition<T> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9_-]*)+$/.test(name))
    throw new Error(`Event ${name} must look like 'module.thing.happened'`);
  return { name, payload };
}

/** A module's reaction to an event; the module lists it in defineModule({ subscribers }). */
export function subscribe<T>(
  name: string,
  event: EventDefinition<T>,
  handle: (tx: DbOrTx, payload: T, deps: EventDeps) => Promise<void>,
): Subscriber {
  return { name, event: event.name, handle: (tx, payload, deps) => handle(tx, payload as T, deps) };
}
