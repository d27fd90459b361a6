-- Moderation of proposals and their comments (issue 11, "Moderation and trust"): residents report
-- (신고) content, one report per account and item by the unique key, so an account counts once;
-- reports from three different accounts hide the item until staff review it; staff hide or restore
-- it with a reason (audited), the author is told and may appeal, which puts it back in the queue.
-- Items are named by (target_type, target_id): a proposal or a proposal comment of governance.
create table governance_moderation_items (
  organization_id uuid not null references organizations(id),
  target_type text not null check (target_type in ('proposal', 'comment')),
  target_id uuid not null,
  -- The proposal the item belongs to (itself for a proposal): the link staff and the author follow.
  proposal_id uuid not null,
  author_id uuid references users(id) on delete set null,
  state text not null default 'reported' check (state in ('reported', 'auto_hidden', 'hidden', 'restored')),
  -- Kept equal to the item's reports by the report command (same transaction, the row locked).
  reports integer not null default 0 check (reports >= 0),
  -- In the staff queue: reported or hidden by reports and not yet decided, or appealed since.
  needs_review boolean not null default true,
  reason text check (char_length(reason) <= 500),
  appeal text check (char_length(appeal) <= 1000),
  appealed_at timestamptz,
  decided_by uuid references users(id) on delete set null,
  decided_at timestamptz,
  first_reported_at timestamptz not null default now(),
  primary key (target_type, target_id)
);
-- The staff queue: waiting items of an organization, oldest first.
create index governance_moderation_items_queue on governance_moderation_items (organization_id, first_reported_at, target_id)
  where needs_review;

create table governance_moderation_reports (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  target_type text not null check (target_type in ('proposal', 'comment')),
  target_id uuid not null,
  reporter_id uuid not null references users(id) on delete cascade,
  reason text not null check (reason in ('abuse', 'spam', 'privacy', 'off_topic', 'other')),
  note text check (char_length(note) <= 500),
  created_at timestamptz not null default now(),
  unique (target_type, target_id, reporter_id)
);
