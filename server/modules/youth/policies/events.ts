import { z } from 'zod';
import { defineEvent } from '../../../platform/events/define.ts';

// What happens to policies that others react to (alerts today, more later), emitted in the
// transaction that made the change.
const PolicyRef = z.object({ organizationId: z.uuid(), policyId: z.uuid() });

/** A policy became published (staff transition). */
export const policyPublished = defineEvent('youth.policy.published', PolicyRef);

/** A published policy's content was edited (a new revision). */
export const policyChanged = defineEvent('youth.policy.changed', PolicyRef);

/** One batch of a national import: new policies, and published ones whose record changed (with the record's key). */
export const policiesImported = defineEvent(
  'youth.policies.imported',
  z.object({
    organizationId: z.uuid(),
    created: z.array(z.uuid()),
    changed: z.array(z.object({ id: z.uuid(), key: z.string() })),
  }),
);
