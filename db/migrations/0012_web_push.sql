-- Web Push: the installation's VAPID keys, each person's browser subscriptions and a ledger of
-- what was pushed to which subscription, so a retried outbox row never pushes twice.
alter table outbox drop constraint outbox_type_check;
alter table outbox add constraint outbox_type_check check (type in ('notification', 'email', 'push', 'sms'));

-- One row per installation, made on first use. The private key is never served.
create table push_vapid_keys (
  id smallint primary key default 1 check (id = 1),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null default now()
);

create table push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  endpoint text not null unique,
  p256dh text not null,
  auth text not null,
  user_agent text not null default '',
  created_at timestamptz not null default now()
);
create index push_subscriptions_user on push_subscriptions (user_id);

-- The id travels in the pushed message: the service worker reports "opened" with it.
create table push_deliveries (
  id uuid primary key default gen_random_uuid(),
  outbox_id bigint not null,
  subscription_id uuid references push_subscriptions(id) on delete set null,
  user_id uuid references users(id) on delete cascade,
  organization_id uuid references organizations(id) on delete cascade,
  kind text not null,
  sent_at timestamptz not null default now(),
  opened_at timestamptz,
  unique (outbox_id, subscription_id)
);
create index push_deliveries_stats on push_deliveries (organization_id, kind, sent_at);
create index push_deliveries_user on push_deliveries (user_id);
