-- Grouped notifications: alerts of one kind of news that reach a person on one day (one import, a
-- day's openings, several publishes) are one notification carrying the list, not one each.
-- group_key names the group (the module's kind of news and the day); item_count is how many things
-- the notification is about; items keeps the first of them ({ title: { ko, en }, link }) when there
-- are several (about one thing, the body and link say it).
alter table notifications
  add column group_key text,
  add column item_count int not null default 1,
  add column items jsonb not null default '[]',
  add constraint notifications_item_count_check check (item_count >= 1);

-- The groups an organization has sent: a group's first message has no notifications to join, so it
-- only inserts (no per-person look-up, no extra index on notifications); later ones look up the
-- people's unread notifications through notifications_unread. One row per group key, never personal.
create table notification_groups (
  organization_id uuid not null references organizations(id) on delete cascade,
  group_key text not null,
  created_at timestamptz not null default now(),
  primary key (organization_id, group_key)
);
