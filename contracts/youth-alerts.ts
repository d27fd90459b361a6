import { z } from 'zod';
import { queryInt } from './common.ts';
import { CursorParam } from './paging.ts';
import { text } from './text.ts';
import { PolicyFieldCode } from './youth-policies.ts';

// Follows (관심 등록) and alerts (맞춤 알림) of the youth service.

export const FollowTargetKind = z.enum(['policy', 'field', 'keyword', 'region']);
export type FollowTargetKind = z.infer<typeof FollowTargetKind>;

export const FollowBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('policy'), target: z.uuid() }),
  z.strictObject({ kind: z.literal('field'), target: PolicyFieldCode }),
  z.strictObject({ kind: z.literal('keyword'), target: text({ min: 1, max: 50 }) }),
  z.strictObject({ kind: z.literal('region'), target: z.string().regex(/^[0-9]{5}$/) }),
]);
export type FollowBody = z.infer<typeof FollowBody>;

export const Follow = z.object({
  id: z.uuid(),
  kind: FollowTargetKind,
  target: z.string(),
  /** The followed policy's title (kind 'policy'); null for the other kinds. */
  policyTitle: z.string().nullable(),
  createdAt: z.string(),
});
export const FollowList = z.object({ items: z.array(Follow) });
export const FollowIdParams = z.strictObject({ id: z.uuid() });

export const ALERT_KINDS = [
  'new_fitting_policy',
  'followed_policy_changed',
  'followed_match',
  'application_opening',
  'closing_soon',
] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

export const Alert = z.object({
  id: z.number().int(),
  kind: AlertKind,
  policyId: z.uuid(),
  policyTitle: z.string(),
  /** '' (once per policy), 'revision:N' for a change, the round's date for opening and D-3. */
  concerns: z.string(),
  link: z.string(),
  createdAt: z.string(),
});
/** Newest first; `cursor` is the previous page's `nextCursor`. */
export const AlertListQuery = z.strictObject({
  cursor: CursorParam.optional(),
  limit: queryInt(1, 100).default(20),
});
export const AlertList = z.object({ items: z.array(Alert), nextCursor: z.string().nullable() });
