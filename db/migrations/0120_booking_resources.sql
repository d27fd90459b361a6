-- Booking (공간 예약, issue 10): places, their bookable resources (rooms, desks, the vehicle) with the
-- rules staff set, opening hours and closed days, and the bookings themselves. A staff block
-- (maintenance, an event) is a booking row with status 'blocked', so one exclusion constraint
-- refuses any two active rows of one resource whose periods overlap: the database itself never
-- double-books, whatever the application does.

create table booking_places (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9-]{1,60}$'),
  name_ko text not null check (char_length(name_ko) between 1 and 100),
  name_en text not null check (char_length(name_en) between 1 and 100),
  address text not null default '' check (char_length(address) <= 200),
  description_ko text not null default '' check (char_length(description_ko) <= 2000),
  description_en text not null default '' check (char_length(description_en) <= 2000),
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  unique (organization_id, code)
);

create table booking_resources (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  place_id uuid not null references booking_places(id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9-]{1,60}$'),
  name_ko text not null check (char_length(name_ko) between 1 and 100),
  name_en text not null check (char_length(name_en) between 1 and 100),
  kind text not null constraint booking_resources_kind_check check (kind in ('room', 'desk', 'vehicle')),
  capacity integer not null check (capacity between 1 and 1000),
  audience text not null
    constraint booking_resources_audience_check check (audience in ('residents', 'youth', 'enterprises', 'staff')),
  slot_minutes integer not null default 60 check (slot_minutes between 15 and 720 and slot_minutes % 15 = 0),
  max_minutes_per_day integer not null default 180 check (max_minutes_per_day between 15 and 1440),
  max_bookings_per_week integer not null default 2 check (max_bookings_per_week between 1 and 100),
  opens_days_ahead integer not null default 30 check (opens_days_ahead between 0 and 365),
  closes_minutes_before integer not null default 60 check (closes_minutes_before between 0 and 20160),
  approval_needed boolean not null default false,
  cancel_deadline_minutes integer not null default 60 check (cancel_deadline_minutes between 0 and 20160),
  active boolean not null default true,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  unique (organization_id, code)
);
create index booking_resources_place on booking_resources (organization_id, place_id, sort_order);

-- Opening hours per place and weekday (0 Sunday … 6 Saturday, Korean time); a weekday without a row
-- is closed. Public holidays are closed too (the platform's Korean holiday calendar).
create table booking_opening_hours (
  organization_id uuid not null references organizations(id) on delete cascade,
  place_id uuid not null references booking_places(id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  opens time not null,
  closes time not null,
  check (opens < closes),
  primary key (place_id, weekday)
);

create table booking_closed_dates (
  organization_id uuid not null references organizations(id) on delete cascade,
  place_id uuid not null references booking_places(id) on delete cascade,
  closed_on date not null,
  reason_ko text not null default '' check (char_length(reason_ko) <= 200),
  reason_en text not null default '' check (char_length(reason_en) <= 200),
  primary key (place_id, closed_on)
);

-- user_id is null for sample rows and after the account is deleted; a block names the staff member
-- who set it.
create table booking_bookings (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  resource_id uuid not null references booking_resources(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  period tstzrange not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)
    and not lower_inf(period) and not upper_inf(period)),
  status text not null
    constraint booking_bookings_status_check check (status in ('requested', 'confirmed', 'cancelled', 'blocked')),
  purpose text not null check (char_length(purpose) between 1 and 200),
  people integer not null default 1 check (people between 1 and 1000),
  is_sample boolean not null default false,
  cancel_reason text check (cancel_reason is null or char_length(cancel_reason) <= 300),
  cancelled_by uuid references users(id) on delete set null,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'cancelled') = (cancelled_at is not null)),
  constraint booking_bookings_no_overlap exclude using gist (resource_id with =, period with &&)
    where (status in ('requested', 'confirmed', 'blocked'))
);
create index booking_bookings_user on booking_bookings (user_id, created_at);
create index booking_bookings_waiting on booking_bookings (organization_id, created_at) where status = 'requested';
