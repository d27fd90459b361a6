-- Minutes of a held program in English too (issue 11): optional; the program page shows the
-- reader's language and falls back to the Korean minutes with a note when there is no English text.

alter table booking_programs
  add column minutes_en text;
