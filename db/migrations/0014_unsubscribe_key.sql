-- The installation's key for signing one-click unsubscribe links (person + kind). Made on first use.
create table unsubscribe_keys (
  id smallint primary key default 1 check (id = 1),
  secret text not null,
  created_at timestamptz not null default now()
);
