-- Web Push and SMS as channels of each kind, and the person's delivery settings: quiet hours
-- (Asia/Seoul; push, SMS and email inside them wait until they end). A missing row means defaults.
alter table notification_preferences
  add column push boolean not null default false,
  add column sms boolean not null default false;

create table notification_settings (
  user_id uuid primary key references users(id) on delete cascade,
  quiet_hours_enabled boolean not null default true,
  quiet_start time not null default '22:00',
  quiet_end time not null default '08:00',
  updated_at timestamptz not null default now(),
  check (quiet_start <> quiet_end)
);
