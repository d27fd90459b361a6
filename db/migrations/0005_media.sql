-- Uploaded images (사진), one organization's each: place and room photos first (issue 10), proposal
-- images later (issue 11). The bytes are checked before they get here: the type is read from the
-- file's own first bytes (never the declared one), only JPEG, PNG and WebP are kept, JPEG metadata
-- (EXIF with GPS, XMP, IPTC, comments) is removed, and the size and dimensions are read from the
-- file's header. Images are served publicly by id, but only at their own organization's host.
-- uploaded_by is set null when that account is deleted: the image belongs to the organization.
create table media_images (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id) on delete cascade,
  uploaded_by uuid references users(id) on delete set null,
  content_type text not null
    constraint media_images_content_type_check check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea not null,
  byte_size integer not null check (byte_size between 1 and 2097152),
  width integer not null check (width between 1 and 8000),
  height integer not null check (height between 1 and 8000),
  alt_ko text not null check (char_length(alt_ko) between 1 and 300),
  alt_en text not null default '' check (char_length(alt_en) <= 300),
  created_at timestamptz not null default now(),
  check (octet_length(bytes) = byte_size)
);
create index media_images_org on media_images (organization_id, created_at);
create index media_images_uploaded_by on media_images (uploaded_by);
