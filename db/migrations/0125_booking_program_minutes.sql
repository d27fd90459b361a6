-- Minutes of a held program (issue 11: town halls and forums publish their outcome afterwards).
-- Staff write them once the first session has begun; published_at says when they were last put up.

alter table booking_programs
  add column minutes text,
  add column minutes_published_at timestamptz;
