import { eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../modules/define.ts';
import { totpLastSteps, twoFactorThrottle } from './tables.ts';

export const privacy = {
  erasers: {
    // The replay guard's last step says when the person last used a code, and the code throttle when
    // they (or someone) got codes wrong: both erased with the account.
    totpLastStep: async (tx, userId) => {
      await tx.delete(totpLastSteps).where(eq(totpLastSteps.userId, userId));
      await tx.delete(twoFactorThrottle).where(eq(twoFactorThrottle.userId, userId));
    },
  },
} satisfies ModulePrivacy;
