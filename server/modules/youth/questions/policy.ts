import { isStaff } from '../../../platform/access/actor.ts';
import { definePolicies } from '../../../platform/access/authorize.ts';

// Staff read every question (the inbox) and answer them.
definePolicies({
  'youth.questions.answer': isStaff,
});
