-- Audit log (감사 기록): append-only and hash-chained. Each entry's hash covers the previous hash and
-- the entry itself, so an edited, removed or reordered row breaks the chain at that point.
-- No foreign keys: an entry must outlive whatever it names.
create sequence audit_log_id_seq;

create table audit_log (
  id bigint primary key,
  organization_id uuid,
  at timestamptz not null,
  actor_user_id uuid,
  action text not null check (length(action) between 1 and 100),
  target_type text not null check (length(target_type) between 1 and 100),
  target_id text,
  data jsonb not null default '{}',
  ip text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_org on audit_log (organization_id, id desc);
create index audit_log_actor on audit_log (actor_user_id, id);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'P0001';
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
