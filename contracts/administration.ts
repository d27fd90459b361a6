import { z } from 'zod';
import { queryInt } from './common.ts';

// Administration (행정): public, read-only views of the division's organization, staffing,
// facilities, budget and work plan. Money is integer won; the 천원 figures are as in the report.
export const YearQuery = z.strictObject({
  year: queryInt(2000, 2100),
});
export type YearQuery = z.infer<typeof YearQuery>;

export const Bilingual = z.object({ ko: z.string(), en: z.string() });

export const TeamRef = z.object({ id: z.uuid(), nameKo: z.string(), nameEn: z.string() });

export const OrganizationView = z.object({
  name: Bilingual,
  teams: z.array(TeamRef.extend({ duties: z.array(Bilingual) })),
});
export type OrganizationView = z.infer<typeof OrganizationView>;

export const STAFF_CATEGORIES = ['general', 'management', 'special'] as const; // 일반직, 관리운영직, 별정직·임기제
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];
export const StaffingView = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      category: z.enum(STAFF_CATEGORIES),
      grade: z.number().int().min(4).max(9),
      authorised: z.number().int(),
      current: z.number().int(),
      /** current − authorised: negative is a shortage (△ in the report). */
      difference: z.number().int(),
    }),
  ),
  totals: z.object({ authorised: z.number().int(), current: z.number().int(), difference: z.number().int() }),
});
export type StaffingView = z.infer<typeof StaffingView>;

export const EQUIPMENT_KINDS = ['vehicle', 'other'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];
export const FacilitiesView = z.object({
  facilities: z.array(
    z.object({
      id: z.uuid(),
      /** The facility's stable code in its organization (e.g. `zero-gravity-zone`): pages key pictures on it. */
      code: z.string(),
      nameKo: z.string(),
      nameEn: z.string(),
      address: z.string(),
      floorAreaM2: z.number().nullable(),
      landAreaM2: z.number().nullable(),
      team: TeamRef.nullable(),
      /** Floor areas where the report gives them (e.g. 2층 276㎡). */
      floors: z.array(z.object({ floor: z.number().int(), areaM2: z.number().nullable() })),
      spaces: z.array(
        z.object({
          floor: z.number().int().nullable(),
          nameKo: z.string(),
          nameEn: z.string(),
          areaM2: z.number().nullable(),
        }),
      ),
      notes: Bilingual.nullable(),
    }),
  ),
  equipment: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(EQUIPMENT_KINDS),
      nameKo: z.string(),
      nameEn: z.string(),
      model: z.string().nullable(),
      registeredOn: z.string().nullable(),
      purposeKo: z.string().nullable(),
      purposeEn: z.string().nullable(),
    }),
  ),
});
export type FacilitiesView = z.infer<typeof FacilitiesView>;

const Amounts = z.object({
  amountWon: z.number().int(),
  previousAmountWon: z.number().int(),
  changeWon: z.number().int(),
  amountThousandWon: z.number(),
  previousAmountThousandWon: z.number(),
  changeThousandWon: z.number(),
});
export const BudgetView = z.object({
  year: z.number().int(),
  unit: z.literal('won'),
  units: z.array(Amounts.extend({ id: z.uuid(), nameKo: z.string(), nameEn: z.string() })),
  total: Amounts,
});
export type BudgetView = z.infer<typeof BudgetView>;

/** 주요업무 추진계획 (plan) and 신규·중점 추진사업 (key_project). */
export const PLAN_ITEM_KINDS = ['plan', 'key_project'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];
export const TARGET_UNITS = [
  'times',
  'enterprises',
  'places',
  'projects',
  'departments',
  'members',
  'items',
] as const;
export const TARGET_PERS = ['year', 'quarter', 'total'] as const;
export const TARGET_COMPARISONS = ['at_least', 'at_most', 'exactly'] as const;

export const PlanView = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      kind: z.enum(PLAN_ITEM_KINDS),
      titleKo: z.string(),
      titleEn: z.string(),
      team: TeamRef.nullable(),
      period: z.object({ start: z.string(), end: z.string() }),
      budget: z.object({
        totalWon: z.number().int(),
        nationalWon: z.number().int(),
        cityWon: z.number().int(),
        districtWon: z.number().int(),
        totalThousandWon: z.number(),
      }),
      targets: z.array(
        z.object({
          id: z.uuid(),
          descriptionKo: z.string(),
          descriptionEn: z.string(),
          targetCount: z.number().int(),
          unit: z.enum(TARGET_UNITS),
          per: z.enum(TARGET_PERS),
          /** "연 2회 이상" is at_least, "10개 기업 이내" at_most, "분기 1회" exactly. */
          comparison: z.enum(TARGET_COMPARISONS),
        }),
      ),
    }),
  ),
});
export type PlanView = z.infer<typeof PlanView>;
