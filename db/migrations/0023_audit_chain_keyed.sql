-- Keyed audit chain: with HAMKKE_SECRET_KEY set, each entry's hash is an HMAC-SHA256 under a key
-- derived from it, so rewriting history needs the key as well as the database. Each entry records
-- how it was written, so a log begun without the key (false: plain SHA-256) verifies after it is set.
-- Existing entries were all written unkeyed. Adding a column fires no row trigger.
alter table audit_log add column keyed boolean not null default false;
