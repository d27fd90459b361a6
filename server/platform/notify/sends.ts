import type { DbOrTx } from '../db/connect.ts';

/** Slow or silent providers cost at most this much per message. */
export const SEND_TIMEOUT_MS = 10_000;

/**
 * A network send (push service, SMTP server, SMS provider) prepared inside an outbox row's
 * transaction — its ledger row written there, so a repeat sends nothing — and made after that
 * transaction commits: no transaction is ever held while waiting on the network.
 */
export interface PendingSend {
  send(): Promise<void>;
  /**
   * In the transaction that records the outcome, after `send` threw: undoes the ledger row so a
   * retry sends again. Returns the error to retry with, or null when there is nothing to retry.
   */
  failed(tx: DbOrTx, err: unknown): Promise<string | null>;
}

/** Rejects when `work` takes longer than `ms` (the work itself is left to finish or fail). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timeout`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
