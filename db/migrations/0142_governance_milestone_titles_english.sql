-- A governance project's milestone may have an English title too (issue 11): optional, entered by
-- staff with the Korean one; the English page shows it and falls back to the Korean title.

alter table governance_project_milestones
  add column title_en text check (title_en is null or char_length(title_en) between 1 and 300);
