import type { DbOrTx } from '../../server/platform/db/connect.ts';

/** A demo builder adds one part of the 2019 demo for an organization; it must be idempotent. */
export type DemoBuilder = (tx: DbOrTx, organizationId: string) => Promise<void>;

// In load order.
export const demoBuilders: DemoBuilder[] = [];
