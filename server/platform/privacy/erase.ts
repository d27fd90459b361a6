import type { Tx } from '../db/connect.ts';
import { assertModulesInstalled } from '../modules/installed.ts';

// Account deletion: each module anonymises what the person contributed in public (the
// contribution stays, without the name) and erases what was only theirs.
export type AccountEraser = (tx: Tx, userId: string) => Promise<void>;

const erasers = new Map<string, AccountEraser>();

export function registerAccountEraser(name: string, eraser: AccountEraser): void {
  if (erasers.has(name)) throw new Error(`Account eraser ${name} is registered twice`);
  erasers.set(name, eraser);
}

export async function runAccountErasers(tx: Tx, userId: string): Promise<void> {
  assertModulesInstalled('Account erasers');
  for (const eraser of erasers.values()) await eraser(tx, userId);
}
