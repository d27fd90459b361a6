-- Programs and events (강좌·행사, issue 10): a program has one or more sessions, a capacity, simple
-- eligibility, a registration window and a mode (first come, or a lottery drawn with a published
-- seed). Registrations hold a seat, wait in line or hold an offered seat until a deadline; the
-- database keeps one active registration per person and program, whatever the application does.

create table booking_programs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9-]{1,60}$'),
  area text not null
    constraint booking_programs_area_check check (area in ('youth', 'social-economy', 'governance')),
  kind text not null
    constraint booking_programs_kind_check check (kind in ('course', 'academy', 'job_fair', 'briefing',
      'education', 'network_meeting', 'seminar', 'festival', 'town_hall', 'forum')),
  title_ko text not null check (char_length(title_ko) between 1 and 120),
  title_en text not null check (char_length(title_en) between 1 and 120),
  description_ko text not null default '' check (char_length(description_ko) <= 4000),
  description_en text not null default '' check (char_length(description_en) <= 4000),
  min_age integer check (min_age between 1 and 120),
  max_age integer check (max_age between 1 and 120),
  residents_only boolean not null default false,
  role text,
  mode text not null default 'first_come'
    constraint booking_programs_mode_check check (mode in ('first_come', 'lottery')),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  capacity integer not null check (capacity between 1 and 100000),
  completion_percent integer check (completion_percent between 1 and 100),
  offer_hours integer not null default 48 check (offer_hours between 1 and 336),
  -- The lottery's input digest, published when applications close and before the seed is known.
  input_digest text,
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, code),
  check (closes_at > opens_at),
  check (min_age is null or max_age is null or min_age <= max_age)
);
create index booking_programs_list on booking_programs (organization_id, area, kind, opens_at);

create table booking_program_sessions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  program_id uuid not null references booking_programs(id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  resource_id uuid references booking_resources(id) on delete set null,
  address text not null default '' check (char_length(address) <= 200),
  online boolean not null default false,
  check (ends_at > starts_at)
);
create index booking_program_sessions_program on booking_program_sessions (program_id, starts_at);

create table booking_registrations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  program_id uuid not null references booking_programs(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  status text not null
    constraint booking_registrations_status_check
    check (status in ('applied', 'confirmed', 'waiting', 'offered', 'cancelled', 'lost')),
  -- Order in the waiting list (increasing; the place shown counts those still ahead).
  queue_number integer,
  offered_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'waiting' or queue_number is not null),
  check (status <> 'offered' or offered_until is not null)
);
-- One registration in play per person and program: a second register is refused by the database.
create unique index booking_registrations_active on booking_registrations (program_id, user_id)
  where status in ('applied', 'confirmed', 'waiting', 'offered');
create index booking_registrations_user on booking_registrations (user_id);

create table booking_lottery_draws (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  program_id uuid not null unique references booking_programs(id) on delete cascade,
  seed text not null,
  input_digest text not null,
  result jsonb not null,
  drawn_at timestamptz not null default now(),
  drawn_by uuid references users(id) on delete set null
);
