-- Working group documents and the final evaluation of a governance project (issue 11).
--
-- Note on order: this file's number (0136) sorts before 0138_governance_projects.sql, so on a fresh
-- database governance_projects does not exist yet when it runs. project_id therefore carries no
-- foreign key here; every command checks the project under forOrg() (groupAccess / findProject)
-- before writing, and projects are never deleted. A later migration may add the foreign keys.

-- Documents of a working group's space: a link (https only) and/or a short note, of a kind, with who
-- added it and when. Members and staff see them; everyone else gets the space's 404.
create table governance_group_documents (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  project_id uuid not null,
  title text not null check (char_length(title) between 1 and 200),
  url text check (url is null or (char_length(url) <= 2000 and url like 'https://%')),
  note text not null default '' check (char_length(note) <= 2000),
  kind text not null default 'reference' check (kind in ('agenda', 'reference', 'report', 'other')),
  added_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  check (url is not null or note <> '')
);
create index governance_group_documents_project on governance_group_documents (project_id, created_at);
create index governance_group_documents_added_by on governance_group_documents (added_by);

-- One final evaluation per project: scores 1–5 on four criteria and the lessons learned. The chair,
-- the secretary or staff record it; it can be changed until it is published, and once published it
-- shows on the public accountability page.
create table governance_project_evaluations (
  project_id uuid primary key,
  organization_id uuid not null references organizations(id),
  score_goals smallint not null check (score_goals between 1 and 5),
  score_participation smallint not null check (score_participation between 1 and 5),
  score_collaboration smallint not null check (score_collaboration between 1 and 5),
  score_sustainability smallint not null check (score_sustainability between 1 and 5),
  lessons text not null check (char_length(lessons) between 1 and 8000),
  status text not null default 'draft' check (status in ('draft', 'published')),
  recorded_by uuid references users(id) on delete set null,
  published_at timestamptz,
  published_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'draft' or published_at is not null)
);
create index governance_project_evaluations_org on governance_project_evaluations (organization_id);
