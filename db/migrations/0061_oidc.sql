-- Accounts linked to an OpenID Connect provider: one link per (issuer, subject).
create table user_identities (
  id uuid primary key default gen_random_uuid(),
  issuer text not null,
  subject text not null,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  last_login_at timestamptz not null default now(),
  unique (issuer, subject)
);
create index user_identities_user on user_identities (user_id);

-- A sign-in started at the provider: state, nonce and PKCE verifier stay on the server; the browser
-- holds only a random handle (its sha-256 is the id). Single use, ten minutes.
create table oidc_login_attempts (
  id text primary key,
  organization_id uuid not null references organizations(id) on delete cascade,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  expires_at timestamptz not null
);
create index oidc_login_attempts_expires on oidc_login_attempts (expires_at);
