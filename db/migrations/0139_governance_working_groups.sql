-- Working groups (워킹그룹, issue 11): one per governance project, at most 10 members (the report's
-- 10명 이내; enforced by the adding command under the project's row lock), each a citizen, an
-- official or an expert with a role. Their space: meetings with agenda, attendance, minutes (draft
-- until the chair or secretary publishes them) and decisions, tasks, quarterly monitoring reports.
create table governance_group_members (
  organization_id uuid not null references organizations(id),
  project_id uuid not null references governance_projects(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  kind text not null check (kind in ('citizen', 'official', 'expert')),
  role text not null default 'member' check (role in ('chair', 'secretary', 'member')),
  added_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (project_id, user_id)
);
create index governance_group_members_user on governance_group_members (user_id);

create table governance_meetings (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  project_id uuid not null references governance_projects(id) on delete cascade,
  held_on date not null,
  title text not null check (char_length(title) between 1 and 200),
  agenda text not null default '' check (char_length(agenda) <= 4000),
  minutes text not null default '' check (char_length(minutes) <= 20000),
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  published_by uuid references users(id) on delete set null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  check (status = 'draft' or published_at is not null)
);
create index governance_meetings_project on governance_meetings (project_id, held_on);

-- Members present at a meeting.
create table governance_meeting_attendance (
  organization_id uuid not null references organizations(id),
  meeting_id uuid not null references governance_meetings(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  primary key (meeting_id, user_id)
);

-- A decision and how it was made: a vote with its counts, or consensus (no counts).
create table governance_decisions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  meeting_id uuid not null references governance_meetings(id) on delete cascade,
  body text not null check (char_length(body) between 1 and 1000),
  method text not null check (method in ('vote', 'consensus')),
  votes_for smallint,
  votes_against smallint,
  votes_abstain smallint,
  created_at timestamptz not null default now(),
  check (
    (method = 'consensus' and votes_for is null and votes_against is null and votes_abstain is null)
    or (method = 'vote' and votes_for >= 0 and votes_against >= 0 and votes_abstain >= 0)
  )
);
create index governance_decisions_meeting on governance_decisions (meeting_id);

create table governance_tasks (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  project_id uuid not null references governance_projects(id) on delete cascade,
  title text not null check (char_length(title) between 1 and 300),
  owner_user_id uuid references users(id) on delete set null,
  due_on date not null,
  done boolean not null default false,
  created_at timestamptz not null default now()
);
create index governance_tasks_project on governance_tasks (project_id, due_on);

-- One monitoring report per project and quarter (a second one for the quarter replaces the first).
create table governance_monitoring_reports (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  project_id uuid not null references governance_projects(id) on delete cascade,
  year integer not null,
  quarter smallint not null check (quarter between 1 and 4),
  body text not null check (char_length(body) between 1 and 8000),
  progress_percent smallint not null check (progress_percent between 0 and 100),
  written_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (project_id, year, quarter)
);
