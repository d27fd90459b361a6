-- Booking suspensions and appeals (issue 10): two no-shows in 30 days suspend a person's booking for
-- 30 days. The person is told and may appeal once with a short text; staff lift the suspension or
-- reject the appeal with a reason. A lifted suspension ends at once (lifted_at).
create table booking_suspensions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  no_shows integer not null check (no_shows between 1 and 1000),
  lifted_at timestamptz,
  lifted_by uuid references users(id) on delete set null,
  appeal_text text check (appeal_text is null or char_length(appeal_text) between 1 and 1000),
  appealed_at timestamptz,
  appeal_status text
    constraint booking_suspensions_appeal_status_check check (appeal_status in ('pending', 'lifted', 'rejected')),
  decision_reason text check (decision_reason is null or char_length(decision_reason) <= 300),
  decided_by uuid references users(id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check (starts_at < ends_at),
  check ((appeal_text is null) = (appealed_at is null)),
  check ((appeal_status is null) = (appeal_text is null))
);
create index booking_suspensions_user on booking_suspensions (organization_id, user_id, ends_at);
create index booking_suspensions_appeals on booking_suspensions (organization_id, appealed_at)
  where appeal_status = 'pending';
