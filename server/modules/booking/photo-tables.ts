import { index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { mediaImages } from '../../platform/media/index.ts';
import { organizations } from '../../platform/tenants/tables.ts';
import { bookingPlaces, bookingResources } from './tables.ts';

// db/migrations/0126_booking_photos.sql is the source of truth.
export const bookingPlacePhotos = pgTable(
  'booking_place_photos',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id')
      .notNull()
      .references(() => bookingPlaces.id, { onDelete: 'cascade' }),
    imageId: uuid('image_id')
      .notNull()
      .unique()
      .references(() => mediaImages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.placeId, t.imageId] }),
    index('booking_place_photos_order').on(t.organizationId, t.placeId, t.position),
  ],
);

export const bookingResourcePhotos = pgTable(
  'booking_resource_photos',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => bookingResources.id, { onDelete: 'cascade' }),
    imageId: uuid('image_id')
      .notNull()
      .unique()
      .references(() => mediaImages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.imageId] }),
    index('booking_resource_photos_order').on(t.organizationId, t.resourceId, t.position),
  ],
);
