import { z } from 'zod';
import { queryInt } from './common.ts';
import { CursorParam } from './paging.ts';
import { CERTIFICATIONS, ENTERPRISE_KINDS } from './social-economy-kinds.ts';
import { text } from './text.ts';

// Social economy (사회적경제): the public enterprise registry.
export { CERTIFICATIONS, ENTERPRISE_KINDS };
export const EnterpriseKind = z.enum(ENTERPRISE_KINDS);

export const EnterpriseSummary = z.object({
  total: z.number().int(),
  byKind: z.object({
    social_enterprise: z.number().int(),
    cooperative: z.number().int(),
    village_enterprise: z.number().int(),
    self_sufficiency: z.number().int(),
  }),
  /** True when the registry holds generated sample records (the demo). */
  sample: z.boolean(),
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;

export const EnterpriseListQuery = z.strictObject({
  kind: EnterpriseKind.optional(),
  q: text({ min: 1, max: 100 }).optional(),
  cursor: CursorParam.optional(),
  limit: queryInt(1, 100).default(20),
});
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuery>;

export const Enterprise = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: EnterpriseKind,
  /** certified | pre_certified (social enterprise), general_cooperative | social_cooperative, designated (village), approved (self-sufficiency). */
  certification: z.enum(CERTIFICATIONS).nullable(),
  /** The 동 (neighbourhood) of the district. */
  district: z.string(),
  /** Field of business, a code such as care, education, food. */
  field: z.string(),
  employees: z.number().int(),
  sample: z.boolean(),
});
export const EnterpriseList = z.object({ items: z.array(Enterprise), nextCursor: z.string().nullable() });
export type EnterpriseList = z.infer<typeof EnterpriseList>;
