-- Debates in a participatory process (토론, issue 11): an open question staff put to residents,
-- threaded comments with a stance (for / against / neutral), closed by staff with a conclusion.
-- A debate takes comments while it is open and its process's current phase has debates on.
-- Sample rows (the demo) name no account: author_id is null and author_label holds a sample name.
create table governance_debates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  process_id uuid not null references governance_processes(id) on delete cascade,
  title text not null check (char_length(title) between 1 and 200),
  question text not null check (char_length(question) between 1 and 4000),
  is_sample boolean not null default false,
  created_by uuid references users(id) on delete set null,
  -- Set together when staff close the debate; a closed debate takes no more comments.
  conclusion text check (char_length(conclusion) between 1 and 4000),
  closed_by uuid references users(id) on delete set null,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  check ((conclusion is null) = (closed_at is null))
);
create index governance_debates_process on governance_debates (process_id, created_at);

-- Replies hang under a top-level comment (one level deep): a reply to a reply joins its thread.
create table governance_debate_comments (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  debate_id uuid not null references governance_debates(id) on delete cascade,
  parent_id uuid references governance_debate_comments(id) on delete cascade,
  author_id uuid references users(id) on delete set null,
  author_label text,
  body text not null check (char_length(body) between 1 and 2000),
  stance text not null check (stance in ('for', 'against', 'neutral')),
  created_at timestamptz not null default now()
);
create index governance_debate_comments_debate on governance_debate_comments (debate_id, parent_id, created_at);
