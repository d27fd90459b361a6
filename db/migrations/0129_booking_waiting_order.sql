-- A waiting person's place is the number of people still waiting up to their queue number: counted
-- in this index alone, instead of ranking the whole list for each person who asks (at an opening
-- minute, thousands ask at once and the list is thousands long).
create index booking_registrations_waiting on booking_registrations (program_id, queue_number)
  where status = 'waiting';
