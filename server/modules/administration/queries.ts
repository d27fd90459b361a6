import { asc, eq, sql } from 'drizzle-orm';
import {
  type BudgetView,
  type EquipmentKind,
  type FacilitiesView,
  type OrganizationView,
  type PlanItemKind,
  type PlanView,
  STAFF_CATEGORIES,
  type StaffCategory,
  type StaffingView,
} from '../../../contracts/administration.ts';
import { type DbOrTx, queryRows } from '../../platform/db/connect.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import { AppError } from '../../platform/errors.ts';
import { findOrganizationById } from '../../platform/tenants/queries.ts';
import { adminBudgetUnits, adminTeams } from './tables.ts';

// Public reads of the division's administration data; every query is scoped to one organization.
const noDataFor = (year: number) => new AppError('year_not_found', 404, { year });
const thousand = (won: number) => won / 1000;
const num = (v: string | number | null) => (v === null ? null : Number(v));

export async function getOrganization(db: DbOrTx, organizationId: string): Promise<OrganizationView> {
  const org = await findOrganizationById(db, organizationId);
  if (!org) throw new AppError('not_found', 404);
  const teams = await db
    .select({
      id: adminTeams.id,
      nameKo: adminTeams.nameKo,
      nameEn: adminTeams.nameEn,
      duties: adminTeams.duties,
    })
    .from(adminTeams)
    .where(forOrg(adminTeams, organizationId))
    .orderBy(asc(adminTeams.position), asc(adminTeams.nameKo));
  return {
    name: { ko: org.nameKo, en: org.nameEn },
    teams,
  };
}

// The categories in the order contracts/administration.ts declares them (the report's order).
const staffCategoryOrder = sql.join(
  STAFF_CATEGORIES.map((c) => sql`${c}`),
  sql`, `,
);

export async function getStaffing(db: DbOrTx, organizationId: string, year: number): Promise<StaffingView> {
  const rows = await queryRows<{
    category: StaffCategory;
    grade: number;
    authorised: number;
    current: number;
  }>(
    db,
    sql`select category, grade, authorised, current from admin_staffing
        where organization_id = ${organizationId} and year = ${year}
        order by array_position(array[${staffCategoryOrder}]::text[], category), grade`,
  );
  if (rows.length === 0) throw noDataFor(year);
  const out = rows.map((r) => ({ ...r, difference: r.current - r.authorised }));
  const authorised = out.reduce((s, r) => s + r.authorised, 0);
  const current = out.reduce((s, r) => s + r.current, 0);
  return { year, rows: out, totals: { authorised, current, difference: current - authorised } };
}

export async function getFacilities(db: DbOrTx, organizationId: string): Promise<FacilitiesView> {
  const facilities = await queryRows<{
    id: string;
    code: string;
    name_ko: string;
    name_en: string;
    address: string;
    floor_area_m2: string | null;
    land_area_m2: string | null;
    notes_ko: string | null;
    notes_en: string | null;
    team_id: string | null;
    team_ko: string | null;
    team_en: string | null;
    floors: Array<{ floor: number; areaM2: string | number | null }>;
    spaces: Array<{ floor: number | null; nameKo: string; nameEn: string; areaM2: string | number | null }>;
  }>(
    db,
    sql`select f.id, f.code, f.name_ko, f.name_en, f.address, f.floor_area_m2, f.land_area_m2, f.notes_ko, f.notes_en,
          t.id as team_id, t.name_ko as team_ko, t.name_en as team_en,
          coalesce((select json_agg(json_build_object('floor', fl.floor, 'areaM2', fl.area_m2) order by fl.floor)
                    from admin_facility_floors fl where fl.facility_id = f.id), '[]'::json) as floors,
          coalesce((select json_agg(json_build_object('floor', s.floor, 'nameKo', s.name_ko, 'nameEn', s.name_en, 'areaM2', s.area_m2) order by s.position)
                    from admin_facility_spaces s where s.facility_id = f.id), '[]'::json) as spaces
        from admin_facilities f left join admin_teams t on t.id = f.team_id
        where f.organization_id = ${organizationId}
        order by f.position, f.name_ko`,
  );
  const equipment = await queryRows<{
    id: string;
    kind: EquipmentKind;
    name_ko: string;
    name_en: string;
    model: string | null;
    registered_on: string | null;
    purpose_ko: string | null;
    purpose_en: string | null;
  }>(
    db,
    sql`select id, kind, name_ko, name_en, model, registered_on, purpose_ko, purpose_en
        from admin_equipment where organization_id = ${organizationId} order by kind, name_ko`,
  );
  return {
    facilities: facilities.map((f) => ({
      id: f.id,
      code: f.code,
      nameKo: f.name_ko,
      nameEn: f.name_en,
      address: f.address,
      floorAreaM2: num(f.floor_area_m2),
      landAreaM2: num(f.land_area_m2),
      team: f.team_id ? { id: f.team_id, nameKo: f.team_ko!, nameEn: f.team_en! } : null,
      floors: f.floors.map((fl) => ({ floor: fl.floor, areaM2: num(fl.areaM2) })),
      spaces: f.spaces.map((s) => ({
        floor: s.floor,
        nameKo: s.nameKo,
        nameEn: s.nameEn,
        areaM2: num(s.areaM2),
      })),
      notes: f.notes_ko ? { ko: f.notes_ko, en: f.notes_en ?? f.notes_ko } : null,
    })),
    equipment: equipment.map((e) => ({
      id: e.id,
      kind: e.kind,
      nameKo: e.name_ko,
      nameEn: e.name_en,
      model: e.model,
      registeredOn: e.registered_on,
      purposeKo: e.purpose_ko,
      purposeEn: e.purpose_en,
    })),
  };
}

function amounts(amountWon: number, previousAmountWon: number) {
  const changeWon = amountWon - previousAmountWon;
  return {
    amountWon,
    previousAmountWon,
    changeWon,
    amountThousandWon: thousand(amountWon),
    previousAmountThousandWon: thousand(previousAmountWon),
    changeThousandWon: thousand(changeWon),
  };
}

// A named prepared statement per database handle: PostgreSQL parses and plans it once per
// connection instead of on every request (this route is benchmarked in bench/http.ts).
const budgetStatements = new WeakMap<object, ReturnType<typeof prepareBudgetQuery>>();
function prepareBudgetQuery(db: DbOrTx) {
  return db
    .select({
      id: adminBudgetUnits.id,
      nameKo: adminBudgetUnits.nameKo,
      nameEn: adminBudgetUnits.nameEn,
      amountWon: adminBudgetUnits.amountWon,
      previousAmountWon: adminBudgetUnits.previousAmountWon,
    })
    .from(adminBudgetUnits)
    .where(
      forOrg(
        adminBudgetUnits,
        sql.placeholder('organizationId'),
        eq(adminBudgetUnits.year, sql.placeholder('year')),
      ),
    )
    .orderBy(adminBudgetUnits.position, adminBudgetUnits.nameKo)
    .prepare('admin_budget_units_by_year');
}

/** The budget of a year: one query. */
export async function getBudget(db: DbOrTx, organizationId: string, year: number): Promise<BudgetView> {
  let statement = budgetStatements.get(db);
  if (!statement) {
    statement = prepareBudgetQuery(db);
    budgetStatements.set(db, statement);
  }
  const rows = await statement.execute({ organizationId, year });
  if (rows.length === 0) throw noDataFor(year);
  let amount = 0;
  let previous = 0;
  const units = rows.map((r) => {
    const a = Number(r.amountWon);
    const p = Number(r.previousAmountWon);
    amount += a;
    previous += p;
    return { id: r.id, nameKo: r.nameKo, nameEn: r.nameEn, ...amounts(a, p) };
  });
  return { year, unit: 'won', units, total: amounts(amount, previous) };
}

export async function getPlan(db: DbOrTx, organizationId: string, year: number): Promise<PlanView> {
  const rows = await queryRows<{
    id: string;
    number: number;
    kind: PlanItemKind;
    title_ko: string;
    title_en: string;
    team_id: string | null;
    team_ko: string | null;
    team_en: string | null;
    period_start: string;
    period_end: string;
    total_won: number;
    national_won: number;
    city_won: number;
    district_won: number;
    targets: PlanView['items'][number]['targets'];
  }>(
    db,
    sql`select p.id, p.number, p.kind, p.title_ko, p.title_en, t.id as team_id, t.name_ko as team_ko, t.name_en as team_en,
          p.period_start, p.period_end, p.total_won, p.national_won, p.city_won, p.district_won,
          coalesce((select json_agg(json_build_object('id', g.id, 'descriptionKo', g.description_ko, 'descriptionEn', g.description_en,
                      'targetCount', g.target_count, 'unit', g.unit, 'per', g.per, 'comparison', g.comparison) order by g.position)
                    from admin_plan_targets g where g.plan_item_id = p.id), '[]'::json) as targets
        from admin_plan_items p left join admin_teams t on t.id = p.team_id
        where p.organization_id = ${organizationId} and p.year = ${year}
        order by case p.kind when 'plan' then 0 else 1 end, p.number`,
  );
  if (rows.length === 0) throw noDataFor(year);
  return {
    year,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      titleKo: r.title_ko,
      titleEn: r.title_en,
      team: r.team_id ? { id: r.team_id, nameKo: r.team_ko!, nameEn: r.team_en! } : null,
      period: { start: r.period_start, end: r.period_end },
      budget: {
        totalWon: Number(r.total_won),
        nationalWon: Number(r.national_won),
        cityWon: Number(r.city_won),
        districtWon: Number(r.district_won),
        totalThousandWon: thousand(Number(r.total_won)),
      },
      targets: r.targets,
    })),
  };
}
