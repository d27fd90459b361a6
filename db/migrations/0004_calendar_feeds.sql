-- Personal calendar feeds (캘린더 구독): one secret address per person and organization that a
-- calendar app fetches without signing in. Only the SHA-256 of the secret is kept, so this table
-- cannot rebuild a working address; making a new one replaces the hash, revoking deletes the row.
create table calendar_feeds (
  organization_id uuid not null references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  token_hash text not null unique check (char_length(token_hash) = 64),
  created_at timestamptz not null default now(),
  -- When a calendar app last fetched it (at most once an hour is written), for the owner to see.
  last_used_at timestamptz,
  primary key (organization_id, user_id)
);
create index calendar_feeds_user on calendar_feeds (user_id);
