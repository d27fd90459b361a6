import { eq } from 'drizzle-orm';
import { registerAccountEraser } from '../../privacy/erase.ts';
import { totpLastSteps } from './tables.ts';

// The replay guard's last step says when the person last used a code: erased with the account.
registerAccountEraser('totpLastStep', async (tx, userId) => {
  await tx.delete(totpLastSteps).where(eq(totpLastSteps.userId, userId));
});
