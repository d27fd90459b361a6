-- Search index over records that modules register. `tsv` holds Hangul syllable bigrams and other
-- words ('simple' config, no stemmer); `initials` holds the title's initial consonants (초성).
create table search_documents (
  organization_id uuid not null references organizations(id) on delete cascade,
  record_type text not null check (length(record_type) between 1 and 50),
  record_id text not null check (length(record_id) between 1 and 200),
  title text not null,
  body text not null default '',
  url text not null,
  is_public boolean not null default false,
  tsv tsvector not null,
  initials text not null default '',
  updated_at timestamptz not null default now(),
  unique (organization_id, record_type, record_id)
);
create index search_documents_tsv on search_documents using gin (tsv);
create index search_documents_title_trgm on search_documents using gin (title gin_trgm_ops);
create index search_documents_initials_trgm on search_documents using gin (initials gin_trgm_ops);
