-- Personal-data access log (개인정보 접속기록): who viewed whose personal data, when, from where,
-- which fields and why. Never changed; rows younger than two years cannot be deleted.
create table personal_data_access_log (
  id bigint generated always as identity primary key,
  organization_id uuid not null,
  at timestamptz not null default now(),
  actor_user_id uuid not null,
  subject_user_id uuid not null,
  fields jsonb not null,
  reason text not null check (length(reason) between 1 and 500),
  ip text,
  route text,
  request_id text
);
create index personal_data_access_log_org on personal_data_access_log (organization_id, id desc);
create index personal_data_access_log_subject on personal_data_access_log (subject_user_id, at desc);

create function personal_data_access_log_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    raise exception 'personal_data_access_log rows cannot be changed' using errcode = 'P0001';
  end if;
  if old.at > now() - interval '2 years' then
    raise exception 'personal_data_access_log rows are kept for at least two years' using errcode = 'P0001';
  end if;
  return old;
end;
$$;

create trigger personal_data_access_log_keep before update or delete on personal_data_access_log
  for each row execute function personal_data_access_log_guard();
