-- Every process keeps a copy of the published youth catalogue in memory (server/modules/youth/
-- policies/catalogue.ts, the platform cache 'youth.catalogue') and a few seconds of list answers
-- (list-cache.ts, 'youth.policy-lists'). Any write to youth_policies, from any process, the CLI or
-- psql alike, tells every listening process when it commits, on the platform cache's channel
-- (server/platform/cache: hamkke_cache, a JSON message naming the cache), so each one brings its
-- copy up to date, and answers afresh, from its next search on.
create function youth_catalogue_changed() returns trigger
  language plpgsql as $$
begin
  perform pg_notify('hamkke_cache', '{"c":"youth.catalogue"}');
  perform pg_notify('hamkke_cache', '{"c":"youth.policy-lists"}');
  return null;
end
$$;

create trigger youth_policies_catalogue_changed
  after insert or update or delete or truncate on youth_policies
  for each statement execute function youth_catalogue_changed();
