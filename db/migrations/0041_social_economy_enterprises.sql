-- Social-economy enterprise registry (사회적경제기업): social enterprises, cooperatives, village and self-sufficiency enterprises.
create table se_enterprises (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('social_enterprise', 'cooperative', 'village_enterprise', 'self_sufficiency')),
  certification text check (certification in ('certified', 'pre_certified', 'general_cooperative', 'social_cooperative', 'designated', 'approved')),
  district text not null,
  field text not null,
  employees int not null default 0 check (employees >= 0),
  -- Generated demo records, never real enterprises.
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  unique (organization_id, name)
);
create index se_enterprises_kind on se_enterprises (organization_id, kind, name, id);
create index se_enterprises_name_trgm on se_enterprises using gin (name gin_trgm_ops);
