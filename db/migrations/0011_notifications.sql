-- Notifications: an outbox written in the business transaction, delivered by a job afterwards.
create table outbox (
  id bigint generated always as identity primary key,
  organization_id uuid references organizations(id) on delete cascade,
  user_id uuid references users(id) on delete cascade,
  type text not null check (type in ('notification', 'email')),
  kind text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  dispatched_at timestamptz,
  failed_at timestamptz
);
create index outbox_pending on outbox (next_attempt_at, id) where dispatched_at is null and failed_at is null;
create index outbox_user on outbox (user_id);

-- In-app notifications (the bell). outbox_id is unique: a retried or concurrent dispatch of one
-- outbox row can never make a second notification.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  outbox_id bigint not null unique,
  kind text not null,
  title_ko text not null,
  title_en text not null,
  body_ko text not null,
  body_en text not null,
  link text,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_user on notifications (user_id, organization_id, created_at desc, id desc);
create index notifications_unread on notifications (user_id, organization_id) where read_at is null;

-- Every email handed to a transport, one per outbox row (unique). Without SMTP settings the
-- transport is the dev mailbox and the text is kept for admins to read; over SMTP it is not kept.
create table email_messages (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references organizations(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  outbox_id bigint not null unique,
  transport text not null check (transport in ('smtp', 'dev_mailbox')),
  to_address text not null,
  subject text not null,
  body_text text,
  created_at timestamptz not null default now()
);
create index email_messages_mailbox on email_messages (organization_id, created_at desc) where transport = 'dev_mailbox';
create index email_messages_user on email_messages (user_id);

-- Per-person channel choices per notification kind; a missing row means the kind's defaults.
create table notification_preferences (
  user_id uuid not null references users(id) on delete cascade,
  kind text not null,
  in_app boolean not null,
  email boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);
