-- A proposal's author edits it and withdraws it (철회, issue 11).
-- edited_at: when its author last changed the title or text themselves (the earlier text is kept in
-- governance_proposal_versions with no amendment, and the change is audited). The author edits only
-- while the current phase takes proposals, before anyone else supports it, before staff answer it,
-- while moderation does not hide it, and until it is withdrawn.
-- withdrawn_at: when its author withdrew it. A withdrawn proposal stays readable at its address with
-- a notice, leaves the process's list and the site search, takes no more supports, comments or
-- amendments, and its image is not served. It cannot be withdrawn once staff accepted or rejected it.
alter table governance_proposals
  add column edited_at timestamptz,
  add column withdrawn_at timestamptz;
