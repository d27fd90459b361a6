-- Youth follows (관심 등록) and alerts (맞춤 알림). An alert is kept once per person, policy, kind and
-- the round or revision it concerns: the unique key makes a retried, crashed or doubled fan-out
-- insert nothing the second time (insert … on conflict do nothing).
create table youth_follows (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  target_kind text not null check (target_kind in ('policy', 'field', 'keyword', 'region')),
  target text not null check (length(target) between 1 and 100),
  created_at timestamptz not null default now(),
  unique (organization_id, user_id, target_kind, target)
);
create index youth_follows_target on youth_follows (organization_id, target_kind, target);
create index youth_follows_user on youth_follows (user_id);

-- organization_id has no foreign key of its own: the policy's (cascading from its organization)
-- already ties the row to it, and every key checked per row slows a fan-out of thousands.
create table youth_alerts (
  id bigint generated always as identity primary key,
  organization_id uuid not null,
  user_id uuid not null references users(id) on delete cascade,
  policy_id uuid not null references youth_policies(id) on delete cascade,
  kind text not null check (kind in ('new_fitting_policy', 'followed_policy_changed', 'followed_match',
    'application_opening', 'closing_soon')),
  -- '' for once per policy; the revision number for a change; the round's date for opening and D-3
  concerns text not null default '',
  created_at timestamptz not null default now(),
  -- also serves a person's own list (user_id first); few indexes keep the fan-out cheap
  unique (user_id, policy_id, kind, concerns)
);
