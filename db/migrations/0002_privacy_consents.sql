-- Consent records (개인정보 수집·이용 동의): one row per grant or withdrawal, never updated in place.
create table consent_records (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references users(id) on delete cascade,
  purpose text not null,
  required boolean not null,
  notice_version text not null,
  granted boolean not null,
  recorded_at timestamptz not null default now(),
  ip text
);
create index consent_records_user on consent_records (user_id, purpose, recorded_at desc);
