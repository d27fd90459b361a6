import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ImageRef, ImageUploadQuery } from '../../../contracts/media.ts';
import type { DbOrTx } from '../db/connect.ts';
import { forOrg } from '../db/tenant.ts';
import { AppError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import { checkImage, MAX_IMAGE_BYTES } from './image.ts';
import { mediaImages } from './tables.ts';

/**
 * Lets the routes of one plugin take a raw image body (any Content-Type: the bytes are sniffed, not
 * the header) up to MAX_IMAGE_BYTES. Content-type parsers are scoped to the plugin that adds them,
 * so every other route keeps the app's JSON parser and its global body limit.
 */
export function acceptImageBodies(app: FastifyInstance): void {
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES }, (_req, body, done) =>
    done(null, body),
  );
}
/** The route option that goes with it: the route's own body limit, above the app's global one. */
export const IMAGE_BODY_LIMIT = MAX_IMAGE_BYTES;

/** The uploaded body as bytes; a JSON or empty body is not an image. */
export function imageBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('media_type_not_allowed', 415);
  return body;
}

export interface Uploader {
  organizationId: string;
  actor: { userId: string };
}

/** Checks and keeps an upload of the organization; answers its reference in the uploader's language. */
export async function storeImage(
  tx: DbOrTx,
  ctx: Uploader & { locale: Locale },
  body: unknown,
  alt: ImageUploadQuery,
): Promise<ImageRef> {
  const image = checkImage(imageBody(body));
  const [row] = await tx
    .insert(mediaImages)
    .values({
      organizationId: ctx.organizationId,
      uploadedBy: ctx.actor.userId,
      contentType: image.contentType,
      bytes: image.bytes,
      byteSize: image.bytes.length,
      width: image.width,
      height: image.height,
      altKo: alt.altKo,
      altEn: alt.altEn ?? '',
    })
    .returning({ id: mediaImages.id });
  return {
    id: row.id,
    width: image.width,
    height: image.height,
    alt: altIn(ctx.locale, alt.altKo, alt.altEn ?? ''),
  };
}

const altIn = (locale: Locale, ko: string, en: string) => (locale === 'en' && en ? en : ko);

/** The references of the organization's images by id (no bytes), each id once; unknown and withheld ids are left out. */
export async function imageRefs(
  db: DbOrTx,
  organizationId: string,
  ids: readonly string[],
  locale: Locale,
): Promise<Map<string, ImageRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: mediaImages.id,
      width: mediaImages.width,
      height: mediaImages.height,
      altKo: mediaImages.altKo,
      altEn: mediaImages.altEn,
    })
    .from(mediaImages)
    .where(
      forOrg(
        mediaImages,
        organizationId,
        inArray(mediaImages.id, [...new Set(ids)]),
        isNull(mediaImages.withheldAt),
      ),
    );
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, width: r.width, height: r.height, alt: altIn(locale, r.altKo, r.altEn) },
    ]),
  );
}

/** Deletes one of the organization's images; false when there was none. */
export async function deleteImage(tx: DbOrTx, organizationId: string, id: string): Promise<boolean> {
  const gone = await tx
    .delete(mediaImages)
    .where(forOrg(mediaImages, organizationId, eq(mediaImages.id, id)))
    .returning({ id: mediaImages.id });
  return gone.length > 0;
}

/**
 * Withholds one of the organization's images (kept, not served) or releases it again: the thing it
 * belongs to was hidden or withdrawn, or is shown again. Answers whether the image exists; withholding
 * twice keeps the first time.
 */
export async function setImageWithheld(
  tx: DbOrTx,
  organizationId: string,
  id: string,
  withheld: boolean,
): Promise<boolean> {
  const changed = await tx
    .update(mediaImages)
    .set({ withheldAt: withheld ? sql`coalesce(${mediaImages.withheldAt}, now())` : null })
    .where(forOrg(mediaImages, organizationId, eq(mediaImages.id, id)))
    .returning({ id: mediaImages.id });
  return changed.length > 0;
}
export const withholdImage = (tx: DbOrTx, organizationId: string, id: string) =>
  setImageWithheld(tx, organizationId, id, true);
export const releaseImage = (tx: DbOrTx, organizationId: string, id: string) =>
  setImageWithheld(tx, organizationId, id, false);

/**
 * Whether one of the organization's images is served now (it exists and is not withheld), read from
 * its row without its bytes: all a cache's revalidation (If-None-Match) needs.
 */
export async function imageServed(db: DbOrTx, organizationId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: mediaImages.id })
    .from(mediaImages)
    .where(and(forOrg(mediaImages, organizationId), eq(mediaImages.id, id), isNull(mediaImages.withheldAt)));
  return row !== undefined;
}

/** The bytes and type of one of the organization's images, or null (also while it is withheld). */
export async function findImage(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select({ contentType: mediaImages.contentType, bytes: mediaImages.bytes })
    .from(mediaImages)
    .where(and(forOrg(mediaImages, organizationId), eq(mediaImages.id, id), isNull(mediaImages.withheldAt)));
  return row ?? null;
}
