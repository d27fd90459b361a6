-- Daily digest: a person may have alert emails collected and sent once a day. An item is taken by
-- exactly one digest email (digest_outbox_id set in the transaction that queues that email).
alter table notification_settings add column email_digest boolean not null default false;

create table email_digest_items (
  id bigint generated always as identity primary key,
  organization_id uuid references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  source_outbox_id bigint not null unique,
  kind text not null,
  subject text not null,
  body_text text not null,
  created_at timestamptz not null default now(),
  digest_outbox_id bigint
);
create index email_digest_items_pending on email_digest_items (user_id) where digest_outbox_id is null;
