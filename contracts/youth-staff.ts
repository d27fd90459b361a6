import { z } from 'zod';
import { queryInt } from './common.ts';
import { text } from './text.ts';
import { POLICY_SOURCES, type PolicyWorkflowStatus, WORKFLOW_STATUSES } from './youth-policies.ts';

// Staff views of the youth service: every policy of the organization in any state, and alert statistics.

export const StaffPolicyListQuery = z.strictObject({
  status: z.enum(WORKFLOW_STATUSES).optional(),
  /** Part of the title. */
  q: text({ min: 1, max: 100 }).optional(),
  page: queryInt(1, 10_000).default(1),
  limit: queryInt(1, 100).default(20),
});
export type StaffPolicyListQuery = z.infer<typeof StaffPolicyListQuery>;

export const StaffPolicyItem = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  source: z.enum(POLICY_SOURCES),
  workflowStatus: z.enum(WORKFLOW_STATUSES),
  title: z.string(),
  fieldMajor: z.string(),
  operator: z.string(),
  updatedAt: z.string(),
});
export type StaffPolicyItem = z.infer<typeof StaffPolicyItem>;
export const StaffPolicyList = z.object({
  items: z.array(StaffPolicyItem),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
});
export type StaffPolicyList = z.infer<typeof StaffPolicyList>;

/** Days in Asia/Seoul, both ends included. */
export const AlertStatsQuery = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export type AlertStatsQuery = z.infer<typeof AlertStatsQuery>;

export const ALERT_CHANNELS = ['in_app', 'email', 'push', 'sms'] as const;
export const AlertChannel = z.enum(ALERT_CHANNELS);
export type AlertChannel = z.infer<typeof AlertChannel>;

const Counts = z.object({
  channel: AlertChannel,
  sent: z.number().int(),
  /** null where the channel does not record opening (email: we use no tracking pixels). */
  opened: z.number().int().nullable(),
});
export const AlertStats = z.object({
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  rows: z.array(Counts.extend({ kind: z.string(), label: z.object({ ko: z.string(), en: z.string() }) })),
  totals: z.array(Counts),
});
export type AlertStats = z.infer<typeof AlertStats>;
