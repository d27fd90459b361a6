-- Attendance, completion certificates and satisfaction surveys of programs (issue 10, sessions).
-- Staff call the roll per session (present or absent, one row per registration and session); a
-- course's completion is counted from these rows and its completion_percent. A certificate row
-- fixes the issue number the first time a completed person (or staff) downloads it. A survey is one
-- answer per registration, kept without a name for staff (they see only the aggregate).

create table booking_attendance (
  organization_id uuid not null references organizations(id) on delete cascade,
  session_id uuid not null references booking_program_sessions(id) on delete cascade,
  registration_id uuid not null references booking_registrations(id) on delete cascade,
  present boolean not null,
  marked_at timestamptz not null default now(),
  marked_by uuid references users(id) on delete set null,
  primary key (session_id, registration_id)
);
create index booking_attendance_registration on booking_attendance (registration_id);

create table booking_certificates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  registration_id uuid not null unique references booking_registrations(id) on delete cascade,
  -- '<year>-<five digits>', counted per organization and year of issue
  number text not null check (number ~ '^[0-9]{4}-[0-9]{5,}$'),
  issued_at timestamptz not null default now(),
  unique (organization_id, number)
);

create table booking_surveys (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  program_id uuid not null references booking_programs(id) on delete cascade,
  registration_id uuid not null unique references booking_registrations(id) on delete cascade,
  overall integer not null check (overall between 1 and 5),
  recommend boolean not null,
  comment text not null default '' check (char_length(comment) <= 1000),
  created_at timestamptz not null default now()
);
create index booking_surveys_program on booking_surveys (program_id);
