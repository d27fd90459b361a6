-- Youth policy catalogue (청년 정책): national policies imported from 온통청년 (getPlcy) and local
-- ones authored by staff. Eligibility columns follow the API's code lists; an empty list or a 0
-- bound means "no restriction". Search columns are filled by the application (Hangul bigrams).
create table youth_policies (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  external_id text check (external_id is null or length(external_id) between 1 and 40),
  source text not null check (source in ('national', 'local')),
  status text not null default 'draft' check (status in ('draft', 'review', 'published', 'closed')),
  title text not null check (length(title) between 1 and 300),
  summary text not null default '',
  support_content text not null default '',
  field_major text not null default '',
  field_minor text not null default '',
  fields text[] not null default '{}',
  keywords text[] not null default '{}',
  operator text not null default '',
  supervisor text not null default '',
  apply_period_kind text not null default 'dates' check (apply_period_kind in ('dates', 'always', 'closed')),
  business_period_kind text,
  business_starts_on date,
  business_ends_on date,
  business_period_other text not null default '',
  how_to_apply text not null default '',
  review_method text not null default '',
  documents text not null default '',
  other_notes text not null default '',
  application_url text not null default '',
  reference_urls text[] not null default '{}',
  support_scale text not null default '',
  min_age integer not null default 0 check (min_age between 0 and 999),
  max_age integer not null default 0 check (max_age between 0 and 999),
  region_codes text[] not null default '{}',
  employment_codes text[] not null default '{}',
  education_codes text[] not null default '{}',
  major_codes text[] not null default '{}',
  special_group_codes text[] not null default '{}',
  marital_codes text[] not null default '{}',
  income_condition text,
  income_min integer not null default 0 check (income_min >= 0),
  income_max integer not null default 0 check (income_max >= 0),
  income_other text,
  additional_conditions text not null default '',
  excluded_targets text not null default '',
  source_record jsonb,
  registered_at timestamptz not null default now(),
  source_modified_at timestamptz,
  tsv tsvector not null default ''::tsvector,
  initials text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, external_id)
);
create index youth_policies_org_status on youth_policies (organization_id, status, registered_at desc);
create index youth_policies_tsv on youth_policies using gin (tsv);
create index youth_policies_title_trgm on youth_policies using gin (title gin_trgm_ops);
create index youth_policies_initials_trgm on youth_policies using gin (initials gin_trgm_ops);
create index youth_policies_regions on youth_policies using gin (region_codes);

create table youth_policy_rounds (
  policy_id uuid not null references youth_policies(id) on delete cascade,
  starts_on date not null,
  ends_on date not null,
  check (starts_on <= ends_on),
  primary key (policy_id, starts_on, ends_on)
);

create table youth_policy_revisions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  policy_id uuid not null references youth_policies(id) on delete cascade,
  revision integer not null,
  actor_user_id uuid references users(id) on delete set null,
  change text not null,
  snapshot jsonb not null,
  created_at timestamptz not null default now(),
  unique (policy_id, revision)
);
