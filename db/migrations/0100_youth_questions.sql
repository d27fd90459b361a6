-- Questions on a youth policy (정책 문의), answered by staff. Public ones show on the policy page;
-- private ones only to the asker and staff. asker_id is cleared when the account is deleted:
-- the question stays, anonymised.
create table youth_questions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  policy_id uuid not null references youth_policies(id) on delete cascade,
  asker_id uuid references users(id) on delete set null,
  title text not null default '' check (char_length(title) <= 200),
  body text not null check (char_length(body) between 1 and 2000),
  is_public boolean not null,
  answer text check (answer is null or char_length(answer) between 1 and 4000),
  answered_by uuid references users(id) on delete set null,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  check ((answer is null) = (answered_at is null))
);
create index youth_questions_policy on youth_questions (organization_id, policy_id, created_at);
create index youth_questions_unanswered on youth_questions (organization_id, created_at) where answered_at is null;
create index youth_questions_asker on youth_questions (asker_id, created_at);
