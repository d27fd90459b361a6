-- Photos of booking places and of their resources (issue 10): staff attach up to six to each, in the
-- order they are shown (position), and remove them. The image itself is a media_images row of the
-- same organization (0005); removing the photo deletes the image, and deleting the place, resource or
-- image removes the link.
create table booking_place_photos (
  organization_id uuid not null references organizations(id) on delete cascade,
  place_id uuid not null references booking_places(id) on delete cascade,
  image_id uuid not null unique references media_images(id) on delete cascade,
  position integer not null check (position >= 0),
  primary key (place_id, image_id)
);
create index booking_place_photos_order on booking_place_photos (organization_id, place_id, position);

create table booking_resource_photos (
  organization_id uuid not null references organizations(id) on delete cascade,
  resource_id uuid not null references booking_resources(id) on delete cascade,
  image_id uuid not null unique references media_images(id) on delete cascade,
  position integer not null check (position >= 0),
  primary key (resource_id, image_id)
);
create index booking_resource_photos_order on booking_resource_photos (organization_id, resource_id, position);
