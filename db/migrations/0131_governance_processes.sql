-- Participatory processes (참여 과정, issue 11): a process such as "2020 지역사회혁신계획 수립" and its
-- phases with dates. Each phase says which parts are on while it runs (proposals, debates, the
-- deliberation map, polls); the current phase is the one whose dates hold today (Asia/Seoul).
create table governance_processes (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '' check (char_length(description) <= 4000),
  -- Supports a proposal needs to be eligible for staff review (검토 대상).
  support_threshold integer not null default 10 check (support_threshold between 1 and 100000),
  is_sample boolean not null default false,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index governance_processes_org on governance_processes (organization_id, created_at);

create table governance_process_phases (
  organization_id uuid not null references organizations(id),
  process_id uuid not null references governance_processes(id) on delete cascade,
  kind text not null check (kind in ('agenda', 'deliberation', 'selection', 'execution', 'evaluation')),
  starts_on date not null,
  ends_on date not null,
  proposals boolean not null default false,
  debates boolean not null default false,
  deliberation boolean not null default false,
  polls boolean not null default false,
  primary key (process_id, kind),
  check (ends_on >= starts_on)
);
