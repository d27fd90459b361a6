import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';
import { organizations } from '../tenants/tables.ts';

// db/migrations/0005_media.sql is the source of truth (withheld_at: 0006).

export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** PostgreSQL bytea as a Buffer (node-postgres gives a Buffer, PGlite a Uint8Array: both become Buffers). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const mediaImages = pgTable(
  'media_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    contentType: text('content_type', { enum: IMAGE_CONTENT_TYPES }).notNull(),
    bytes: bytea('bytes').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    altKo: text('alt_ko').notNull(),
    altEn: text('alt_en').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while the image is withheld (kept, not served): its proposal is hidden or withdrawn (0006). */
    withheldAt: timestamp('withheld_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'media_images_content_type_check',
      sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`,
    ),
    index('media_images_org').on(t.organizationId, t.createdAt),
    index('media_images_uploaded_by').on(t.uploadedBy),
  ],
);
export type MediaImage = typeof mediaImages.$inferSelect;
