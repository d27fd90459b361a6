-- Second-step code attempts per ACCOUNT (two_factor_login_failures counts per pending login, which
-- a new sign-in with the right password used to renew). Each attempt is counted before the code is
-- checked and a right code deletes the row. More than five attempts within fifteen minutes lock
-- the account's codes: fifteen minutes, doubling with each lock in a row, at most a day.
create table two_factor_throttle (
  user_id uuid primary key references users(id) on delete cascade,
  attempts int not null default 0,
  window_started_at timestamptz,
  locked_until timestamptz,
  lockouts int not null default 0
);
