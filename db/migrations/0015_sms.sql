-- SMS / 알림톡: the person's mobile number and every message handed to a provider, one per
-- outbox row (unique). The demo provider only records them here for admins to read.
alter table notification_settings
  add column mobile_number text check (mobile_number ~ '^010-[0-9]{4}-[0-9]{4}$');

create table sms_messages (
  id uuid primary key default gen_random_uuid(),
  outbox_id bigint not null unique,
  organization_id uuid references organizations(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  kind text not null,
  provider text not null,
  to_number text not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index sms_messages_org on sms_messages (organization_id, created_at desc);
create index sms_messages_user on sms_messages (user_id);
