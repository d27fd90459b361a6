-- Single-use account tokens (email verification, password reset). Only a SHA-256 of the token is
-- kept, so a copy of this table opens no account.
create table auth_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index auth_tokens_user on auth_tokens (user_id, purpose, created_at desc);

-- Failed sign-in attempts, in the database so throttling holds across every app process.
-- Keyed by the normalized email whether or not an account has it (no enumeration), and by IP.
create table login_failures (
  id bigint generated always as identity primary key,
  email_normalized text not null,
  ip text,
  at timestamptz not null default now()
);
create index login_failures_email on login_failures (email_normalized, at desc);
create index login_failures_ip on login_failures (ip, at desc);
