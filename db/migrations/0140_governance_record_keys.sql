-- The foreign keys 0136_governance_group_documents.sql could not declare: 0136 sorts before
-- 0138_governance_projects.sql, so governance_projects did not exist yet when it ran. Projects are
-- never deleted, and every command checked the project under forOrg() before writing, so no row
-- points at a missing project; should one, this migration fails rather than drop it silently.
-- The users keys (added_by, recorded_by, published_by: on delete set null) were declared in 0136.
alter table governance_group_documents
  add constraint governance_group_documents_project_id_fkey
  foreign key (project_id) references governance_projects(id) on delete cascade;

alter table governance_project_evaluations
  add constraint governance_project_evaluations_project_id_fkey
  foreign key (project_id) references governance_projects(id) on delete cascade;
