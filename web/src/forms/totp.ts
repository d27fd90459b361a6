import { z } from 'zod';
import { TotpCode } from '../../../contracts/two-factor.ts';

/** A code as people type it: spaces around it are forgiven before the contract's six digits. */
export const TypedTotpCode = z.string().trim().pipe(TotpCode);
