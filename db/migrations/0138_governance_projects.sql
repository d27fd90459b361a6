-- Governance projects (협치사업, issue 11): the public accountability record of each project —
-- lead department, budget and money spent in thousand won (천원, as the district's documents show
-- it), execution phase, progress, milestones — plus who follows it and the updates they are told of.
create table governance_projects (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  title text not null check (char_length(title) between 1 and 200),
  summary text not null default '' check (char_length(summary) <= 4000),
  department text not null check (char_length(department) between 1 and 100),
  year integer not null,
  budget_thousand_won integer not null check (budget_thousand_won >= 0),
  spent_thousand_won integer not null default 0 check (spent_thousand_won >= 0),
  status text not null default 'before' check (status in ('before', 'during', 'after')),
  progress_percent smallint not null default 0 check (progress_percent between 0 and 100),
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index governance_projects_org on governance_projects (organization_id, year, title);

create table governance_project_milestones (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  project_id uuid not null references governance_projects(id) on delete cascade,
  title text not null check (char_length(title) between 1 and 300),
  due_on date not null,
  done boolean not null default false,
  done_at timestamptz,
  created_at timestamptz not null default now()
);
create index governance_project_milestones_project on governance_project_milestones (project_id, due_on);

-- People following a project hear of its updates (in-app, and the channels they chose).
create table governance_project_follows (
  organization_id uuid not null references organizations(id),
  project_id uuid not null references governance_projects(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (project_id, user_id)
);
create index governance_project_follows_user on governance_project_follows (user_id);

-- What changed on a project, shown on its public page and told to followers once each.
create table governance_project_updates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  project_id uuid not null references governance_projects(id) on delete cascade,
  kind text not null check (kind in ('progress', 'milestone', 'minutes', 'report')),
  body_ko text not null,
  body_en text not null,
  created_at timestamptz not null default now()
);
create index governance_project_updates_project on governance_project_updates (project_id, created_at);

-- The once-only record of who was told of which update (notifyAudience's dedupe).
create table governance_project_notices (
  organization_id uuid not null references organizations(id),
  update_id uuid not null references governance_project_updates(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (update_id, user_id)
);
create index governance_project_notices_user on governance_project_notices (user_id);
