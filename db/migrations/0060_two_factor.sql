-- Two-factor login (TOTP). The secret lives in users.totp_secret: pending while totp_enabled_at is null.
-- The last accepted time step per person, so a code is never accepted twice.
create table totp_last_steps (
  user_id uuid primary key references users(id) on delete cascade,
  time_step bigint not null,
  updated_at timestamptz not null default now()
);

-- Wrong codes given for a pending (password-checked) login; the login ends after five.
create table two_factor_login_failures (
  session_id text primary key references sessions(id) on delete cascade,
  failures int not null default 0
);
