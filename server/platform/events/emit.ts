import type { DbOrTx } from '../db/connect.ts';
import { assertModulesInstalled } from '../modules/installed.ts';
import type { EventDefinition, EventDeps, Subscriber } from './define.ts';

const subscribers = new Map<string, Subscriber[]>();

export function registerSubscriber(s: Subscriber): void {
  const list = subscribers.get(s.event) ?? [];
  if (list.some((other) => other.name === s.name))
    throw new Error(`${s.name} subscribes to ${s.event} twice`);
  subscribers.set(s.event, [...list, s]);
}

/**
 * Tells every subscriber, in the caller's transaction, in the order the modules were installed. The
 * payload is checked against the event's schema first: a wrong payload is a bug in the emitter.
 */
export async function emit<T>(
  tx: DbOrTx,
  deps: EventDeps,
  event: EventDefinition<T>,
  payload: T,
): Promise<void> {
  assertModulesInstalled('Event subscribers');
  const checked = event.payload.parse(payload);
  for (const s of subscribers.get(event.name) ?? []) await s.handle(tx, checked, deps);
}
