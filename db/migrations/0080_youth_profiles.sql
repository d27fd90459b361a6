-- Youth profiles (청년 프로필): what a young person tells us to find policies for them. Kept only
-- while the optional youth_profile consent is granted.
create table youth_profiles (
  organization_id uuid not null references organizations(id),
  user_id uuid not null references users(id) on delete cascade,
  birth_date date not null,
  region_code text not null check (region_code ~ '^[0-9]{5}$'),
  employment text check (employment ~ '^0013[0-9]{3}$'),
  education text check (education ~ '^0049[0-9]{3}$'),
  major text check (major ~ '^0011[0-9]{3}$'),
  -- null = not said; empty = belongs to none of the special groups
  special_groups text[],
  married boolean,
  annual_income integer check (annual_income between 0 and 100000),
  interests text[] not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);
create index youth_profiles_user on youth_profiles (user_id);

-- Withdrawing the consent deletes the profile in the same statement, whichever code path records
-- the withdrawal. The advisory lock (also taken by the profile save) orders a save and a
-- withdrawal of the same person, so a save can never slip in after the withdrawal.
create function youth_profiles_forget_on_withdrawal() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(80080, hashtext(new.user_id::text));
  delete from youth_profiles where user_id = new.user_id;
  return new;
end;
$$;

create trigger consent_records_youth_profile_withdrawn after insert on consent_records
  for each row when (new.purpose = 'youth_profile' and not new.granted)
  execute function youth_profiles_forget_on_withdrawal();
