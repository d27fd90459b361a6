-- Administration (행정): teams, staffing, facilities and equipment, budget units, work-plan items and their targets.
create table admin_teams (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_ko text not null check (length(name_ko) between 1 and 100),
  name_en text not null check (length(name_en) between 1 and 200),
  -- [{ "ko": "...", "en": "..." }, ...]
  duties jsonb not null default '[]'::jsonb check (jsonb_typeof(duties) = 'array'),
  position int not null default 0,
  unique (organization_id, code)
);

-- 인력: authorised (정원) and current (현원) posts per category and grade for a year.
create table admin_staffing (
  organization_id uuid not null references organizations(id) on delete cascade,
  year int not null check (year between 2000 and 2100),
  category text not null check (category in ('general', 'management', 'special')),
  grade int not null check (grade between 4 and 9),
  authorised int not null check (authorised >= 0),
  current int not null check (current >= 0),
  primary key (organization_id, year, category, grade)
);

create table admin_facilities (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_ko text not null check (length(name_ko) between 1 and 100),
  name_en text not null check (length(name_en) between 1 and 200),
  address text not null,
  floor_area_m2 numeric(10, 2) check (floor_area_m2 > 0),
  land_area_m2 numeric(10, 2) check (land_area_m2 > 0),
  team_id uuid references admin_teams(id) on delete set null,
  notes_ko text,
  notes_en text,
  position int not null default 0,
  unique (organization_id, code)
);

-- Floor areas as the report gives them (e.g. 2층 276㎡); rooms are listed in admin_facility_spaces.
create table admin_facility_floors (
  facility_id uuid not null references admin_facilities(id) on delete cascade,
  organization_id uuid not null references organizations(id) on delete cascade,
  floor int not null check (floor between -10 and 100 and floor <> 0),
  area_m2 numeric(10, 2) check (area_m2 > 0),
  primary key (facility_id, floor)
);

create table admin_facility_spaces (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references admin_facilities(id) on delete cascade,
  organization_id uuid not null references organizations(id) on delete cascade,
  position int not null,
  floor int check (floor between -10 and 100 and floor <> 0),
  name_ko text not null check (length(name_ko) between 1 and 100),
  name_en text not null check (length(name_en) between 1 and 200),
  area_m2 numeric(10, 2) check (area_m2 > 0),
  unique (facility_id, position)
);

create table admin_equipment (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  kind text not null check (kind in ('vehicle', 'other')),
  name_ko text not null,
  name_en text not null,
  model text,
  registered_on date,
  purpose_ko text,
  purpose_en text,
  unique (organization_id, code)
);

-- 단위사업: amounts in won (the report shows 천원).
create table admin_budget_units (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  year int not null check (year between 2000 and 2100),
  code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_ko text not null,
  name_en text not null,
  amount_won bigint not null check (amount_won >= 0),
  previous_amount_won bigint not null check (previous_amount_won >= 0),
  position int not null default 0,
  unique (organization_id, year, code)
);
create index admin_budget_units_year on admin_budget_units (organization_id, year, position);

-- 주요업무 추진계획 (kind plan) and 신규·중점 추진사업 (kind key_project), with budget by source.
create table admin_plan_items (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  year int not null check (year between 2000 and 2100),
  kind text not null check (kind in ('plan', 'key_project')),
  number int not null check (number >= 1),
  title_ko text not null,
  title_en text not null,
  team_id uuid references admin_teams(id) on delete set null,
  period_start date not null,
  period_end date not null,
  national_won bigint not null default 0 check (national_won >= 0),
  city_won bigint not null default 0 check (city_won >= 0),
  district_won bigint not null default 0 check (district_won >= 0),
  total_won bigint not null,
  check (total_won = national_won + city_won + district_won),
  check (period_end >= period_start),
  unique (organization_id, year, kind, number)
);

create table admin_plan_targets (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  plan_item_id uuid not null references admin_plan_items(id) on delete cascade,
  position int not null,
  description_ko text not null,
  description_en text not null,
  target_count int not null check (target_count >= 0),
  unit text not null check (unit in ('times', 'enterprises', 'places', 'projects', 'departments', 'members', 'items')),
  per text not null check (per in ('year', 'quarter', 'total')),
  comparison text not null check (comparison in ('at_least', 'at_most', 'exactly')),
  unique (plan_item_id, position)
);
create index admin_plan_targets_org on admin_plan_targets (organization_id);
