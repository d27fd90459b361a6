-- Proposals in a participatory process (주민 제안, issue 11): co-authors, supports (one per person,
-- by the primary key), threaded comments with a stance, amendments the author accepts or rejects
-- (the replaced text kept as a version) and staff's official answer.
-- Sample rows (the demo) name no account: author_id is null and author_label holds a sample name.
create table governance_proposals (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  process_id uuid not null references governance_processes(id) on delete cascade,
  title text not null check (char_length(title) between 1 and 150),
  body text not null check (char_length(body) between 1 and 6000),
  category text not null check (category in ('welfare', 'economy', 'youth', 'environment', 'safety', 'culture', 'participation', 'other')),
  place text not null default '' check (char_length(place) <= 200),
  author_id uuid references users(id) on delete set null,
  author_label text,
  is_sample boolean not null default false,
  -- Bumped when an accepted amendment replaces the text; earlier texts are in governance_proposal_versions.
  version integer not null default 1,
  -- Kept equal to the number of supports by the support commands (same transaction): the list sorts by it.
  supports integer not null default 0 check (supports >= 0),
  answer_status text check (answer_status in ('accepted', 'rejected', 'under_review')),
  answer_reason text check (char_length(answer_reason) <= 4000),
  -- Estimated cost in won and the period of the work, when staff give them.
  answer_cost bigint check (answer_cost >= 0),
  answer_period text check (char_length(answer_period) <= 100),
  answered_by uuid references users(id) on delete set null,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  check (is_sample or author_id is not null or author_label is null)
);
create index governance_proposals_process on governance_proposals (process_id, created_at);
-- Duplicate detection while typing: pg_trgm similarity on titles, as the youth policy search does.
create index governance_proposals_title_trgm on governance_proposals using gin (title gin_trgm_ops);

create table governance_proposal_coauthors (
  organization_id uuid not null references organizations(id),
  proposal_id uuid not null references governance_proposals(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (proposal_id, user_id)
);

-- One support per person and proposal. Sample supports (the demo) have no account.
create table governance_proposal_supports (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  proposal_id uuid not null references governance_proposals(id) on delete cascade,
  user_id uuid references users(id) on delete cascade,
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  unique (proposal_id, user_id),
  check (is_sample or user_id is not null)
);

create table governance_proposal_comments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  proposal_id uuid not null references governance_proposals(id) on delete cascade,
  parent_id uuid references governance_proposal_comments(id) on delete cascade,
  author_id uuid references users(id) on delete set null,
  author_label text,
  body text not null check (char_length(body) between 1 and 2000),
  stance text not null check (stance in ('for', 'against', 'neutral')),
  created_at timestamptz not null default now()
);
create index governance_proposal_comments_proposal on governance_proposal_comments (proposal_id, created_at);

create table governance_proposal_amendments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  proposal_id uuid not null references governance_proposals(id) on delete cascade,
  author_id uuid references users(id) on delete set null,
  body text not null check (char_length(body) between 1 and 6000),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create index governance_proposal_amendments_proposal on governance_proposal_amendments (proposal_id, created_at);

-- The texts a proposal had before an accepted amendment replaced them.
create table governance_proposal_versions (
  organization_id uuid not null references organizations(id),
  proposal_id uuid not null references governance_proposals(id) on delete cascade,
  version integer not null,
  body text not null,
  amendment_id uuid references governance_proposal_amendments(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (proposal_id, version)
);
