-- Booking check-in, no-shows and reminders (issue 10). Each booking made from now on carries a
-- check-in code (random, not its id; the QR on "my bookings" holds it) that staff scan or type at the
-- place. A confirmed booking not checked in within the resource's no-show minutes after its start is
-- marked a no-show by a recurring job. Rows made before this migration have no code and are never
-- marked. The two reminder columns record that the day-before and hour-before reminders were queued,
-- so a job that runs twice never sends one twice.
alter table booking_resources
  add column no_show_minutes integer not null default 10 check (no_show_minutes between 0 and 240);

alter table booking_bookings
  add column checkin_code text check (checkin_code is null or checkin_code ~ '^[A-Z2-9]{10}$'),
  add column checked_in_at timestamptz,
  add column checked_in_by uuid references users(id) on delete set null,
  add column no_show_at timestamptz,
  add column reminded_day_at timestamptz,
  add column reminded_hour_at timestamptz,
  add constraint booking_bookings_checkin_once check (checked_in_at is null or no_show_at is null);

create unique index booking_bookings_checkin_code on booking_bookings (organization_id, checkin_code);
-- The no-show sweep and a person's no-shows in the last 30 days.
create index booking_bookings_no_show on booking_bookings (user_id, no_show_at) where no_show_at is not null;
