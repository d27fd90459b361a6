-- Polls and selection votes (투표·선정 투표, issue 11): single choice, multiple choice or "pick up
-- to N"; who may vote; one ballot per person, kept by a unique key; results live or after the close.
create table governance_polls (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  -- A poll may later belong to a participatory process (governance processes are being built beside
  -- this, migrations 0131-0133): the column is here, with no foreign key until that table settles.
  process_id uuid,
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '' check (char_length(description) <= 4000),
  kind text not null check (kind in ('single', 'multiple', 'pick_up_to')),
  max_choices integer check (max_choices between 1 and 30),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  residents_only boolean not null default true,
  verified_only boolean not null default true,
  min_age integer check (min_age between 1 and 120),
  max_age integer check (max_age between 1 and 120),
  results_visibility text not null default 'after_close' check (results_visibility in ('live', 'after_close')),
  -- Set when staff close the poll before closes_at (closes_at is then moved to that moment too).
  closed_early_at timestamptz,
  is_sample boolean not null default false,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closes_at > opens_at),
  check ((kind = 'pick_up_to') = (max_choices is not null))
);
create index governance_polls_org_closes on governance_polls (organization_id, closes_at, id);

create table governance_poll_options (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  poll_id uuid not null references governance_polls(id) on delete cascade,
  position integer not null check (position >= 0),
  label text not null check (char_length(label) between 1 and 200),
  description text not null default '' check (char_length(description) <= 1000),
  unique (poll_id, position)
);

-- One ballot per person and poll: the unique key refuses a second one, whatever the timing.
-- Sample ballots (the demo's) name nobody; a deleted account's ballot stays, unlinked, and counted.
create table governance_ballots (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  poll_id uuid not null references governance_polls(id) on delete cascade,
  kind text not null default 'account' check (kind in ('account', 'sample')),
  user_id uuid references users(id) on delete set null,
  cast_at timestamptz not null default now(),
  check (kind = 'account' or user_id is null),
  unique (poll_id, user_id)
);

create table governance_ballot_choices (
  organization_id uuid not null references organizations(id),
  poll_id uuid not null references governance_polls(id) on delete cascade,
  ballot_id uuid not null references governance_ballots(id) on delete cascade,
  option_id uuid not null references governance_poll_options(id) on delete cascade,
  primary key (ballot_id, option_id)
);
create index governance_ballot_choices_poll on governance_ballot_choices (poll_id, option_id);
