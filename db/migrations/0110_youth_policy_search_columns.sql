-- Precomputed columns for the youth policy list and the self-check (issue 3, benchmarks 1 and 3).
-- The application rounds are copied onto the policy, sorted by start, so a policy's status on any
-- day is a few comparisons on its own row instead of three subqueries over youth_policy_rounds.
-- The application writes them with the rounds (import and staff commands).
alter table youth_policies
  add column round_starts date[] not null default '{}',
  add column round_ends date[] not null default '{}',
  add column round_last_end date;

update youth_policies p
   set round_starts = r.starts, round_ends = r.ends, round_last_end = r.last_end
  from (select policy_id,
               array_agg(starts_on order by starts_on, ends_on) as starts,
               array_agg(ends_on order by starts_on, ends_on) as ends,
               max(ends_on) as last_end
          from youth_policy_rounds group by policy_id) r
 where r.policy_id = p.id;

-- "Open", "closing soon" and "upcoming" need a round that has not ended yet: this index finds those
-- policies without computing every policy's status.
create index youth_policies_round_last_end on youth_policies (organization_id, round_last_end)
  where status = 'published' and apply_period_kind = 'dates';

-- Every single character and every adjacent pair of a text as a lexeme: a GIN index over it finds
-- one- and two-character pieces, which a trigram index cannot look up.
create function youth_pairs_vector(txt text) returns tsvector
  language sql immutable strict parallel safe
  as $$
    select array_to_tsvector(coalesce(array_agg(distinct substr(txt, i, n)), '{}'))
      from generate_series(1, length(txt)) as i, (values (1), (2)) as k(n)
     where i + n - 1 <= length(txt)
  $$;

-- Initial-consonant search (ㅊㅇ) through the initials' pairs.
alter table youth_policies
  add column initials_tsv tsvector generated always as (youth_pairs_vector(initials)) stored;
create index youth_policies_initials_tsv on youth_policies using gin (initials_tsv);
drop index youth_policies_initials_trgm;

-- The title's pairs: the policies whose title holds every two-syllable word of a search rank
-- first, and this index finds them without reading every match.
alter table youth_policies
  add column title_pairs tsvector generated always as (youth_pairs_vector(lower(title))) stored;
create index youth_policies_title_pairs on youth_policies using gin (title_pairs);

-- The self-check's cached policy list asks whether anything changed since it was read (count and
-- sum of updated_at); this index answers without reading the table.
create index youth_policies_org_updated on youth_policies (organization_id, updated_at);
