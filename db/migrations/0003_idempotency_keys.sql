-- Idempotency-Key: the first answer to an unsafe request, kept per organization, account and key
-- for 24 hours so that a retried request gets that answer instead of running again.
-- A row is either claimed (a request is running: claim and locked_until set, no response) or
-- answered (response set, no claim). A claim past locked_until was abandoned (the process died
-- between running and storing) and a retry of the same request may take it over.
create table idempotency_keys (
  organization_id uuid not null references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  key text not null check (char_length(key) between 1 and 255),
  fingerprint text not null,
  method text not null,
  route text not null,
  claim text,
  locked_until timestamptz,
  response_status integer check (response_status between 100 and 599),
  response_headers jsonb,
  response_body text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (organization_id, user_id, key),
  constraint idempotency_keys_claimed_or_answered check (
    (claim is not null and locked_until is not null and response_status is null)
    or (claim is null and locked_until is null and response_status is not null)
  )
);
create index idempotency_keys_expires on idempotency_keys (expires_at);
create index idempotency_keys_user on idempotency_keys (user_id);
