-- Policy suggestions from young people (청년 정책 제안), with a status staff update and a public
-- reply. author_id is cleared when the account is deleted: the suggestion stays, anonymised.
create table youth_suggestions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  author_id uuid references users(id) on delete set null,
  title text not null check (char_length(title) between 1 and 200),
  body text not null check (char_length(body) between 1 and 4000),
  field text check (field in ('jobs', 'housing', 'education', 'welfare', 'participation')),
  status text not null default 'received'
    check (status in ('received', 'reviewing', 'accepted', 'declined', 'done')),
  reply text check (reply is null or char_length(reply) between 1 and 2000),
  replied_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index youth_suggestions_org on youth_suggestions (organization_id, created_at desc);
create index youth_suggestions_author on youth_suggestions (author_id, created_at desc);
