-- A published final evaluation is news of its project (issue 11): followers are told once, through
-- the project's updates like a milestone reached. The update kinds gain 'evaluation'.

alter table governance_project_updates drop constraint governance_project_updates_kind_check;
alter table governance_project_updates
  add constraint governance_project_updates_kind_check
  check (kind in ('progress', 'milestone', 'minutes', 'report', 'evaluation'));
