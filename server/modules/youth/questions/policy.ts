import { isStaff } from '../../../platform/access/actor.ts';
import type { Policy } from '../../../platform/access/authorize.ts';

// Staff read every question (the inbox) and answer them.
export const policies: Record<string, Policy> = {
  'youth.questions.answer': isStaff,
};
