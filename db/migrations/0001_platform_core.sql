-- Platform core: tenants, accounts, roles, sessions.
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

create table organizations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name_ko text not null check (length(name_ko) between 1 and 200),
  name_en text not null check (length(name_en) between 1 and 200),
  host text unique,
  is_default boolean not null default false,
  require_staff_two_factor boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index organizations_one_default on organizations (is_default) where is_default;

create table users (
  id uuid primary key default gen_random_uuid(),
  email text,
  email_normalized text unique,
  password_hash text,
  display_name text not null,
  locale text not null default 'ko' check (locale in ('ko', 'en')),
  email_verified_at timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

create table memberships (
  organization_id uuid not null references organizations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('resident', 'youth', 'enterprise_member', 'buyer', 'working_group_member', 'staff', 'admin')),
  granted_by uuid references users(id) on delete set null,
  granted_at timestamptz not null default now(),
  primary key (organization_id, user_id, role)
);
create index memberships_user on memberships (user_id);

create table sessions (
  id text primary key,
  user_id uuid not null references users(id) on delete cascade,
  organization_id uuid not null references organizations(id) on delete cascade,
  csrf_token text not null,
  two_factor_pending boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

-- Seeds that ran once (the demo marker): a start in demo mode loads the demo only when its marker is missing.
create table seed_markers (
  name text primary key,
  applied_at timestamptz not null default now()
);
