-- QR check-in at program sessions (issue 10, attendance). Each registration carries a check-in code
-- like a booking's (random, not its id; ten of 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'): the person's
-- registrations page shows it as a QR on the day of a session, and staff scan or type it on the
-- session's roll call or on a place's kiosk page, which marks the person present at the session
-- whose check-in window is open. Registrations made before this migration get a code here, drawn
-- from gen_random_uuid()'s random bytes (the bytes holding its version and variant bits are skipped).
alter table booking_registrations
  add column checkin_code text check (checkin_code is null or checkin_code ~ '^[A-Z2-9]{10}$');

with drawn as (
  select id, uuid_send(gen_random_uuid()) as b from booking_registrations where checkin_code is null
)
update booking_registrations r
   set checkin_code = (
     select string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', get_byte(d.b, i) % 32 + 1, 1), '' order by n)
       from unnest(array[0, 1, 2, 3, 4, 5, 7, 9, 10, 11]) with ordinality as k(i, n)
   )
  from drawn d
 where d.id = r.id;

create unique index booking_registrations_checkin_code on booking_registrations (organization_id, checkin_code);
