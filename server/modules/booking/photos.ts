import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Ok } from '../../../contracts/common.ts';
import {
  ImageOrderBody,
  ImageRef,
  ImageUploadQuery,
  StaffImageList,
  type StaffImageRef,
} from '../../../contracts/media.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import { AppError } from '../../platform/errors.ts';
import { routes, type SignedInCtx } from '../../platform/http.ts';
import type { Catalog } from '../../platform/i18n/messages.ts';
import {
  acceptImageBodies,
  deleteImage,
  IMAGE_BODY_LIMIT,
  mediaImages,
  storeImage,
} from '../../platform/media/index.ts';
import { bookingPlacePhotos, bookingResourcePhotos } from './photo-tables.ts';
import { bookingPlaces, bookingResources } from './tables.ts';

// Photos of places and resources (issue 10): staff upload up to six to each, put them in order and
// remove them; each change is audited. The upload is the image itself as the request body (raw, with
// any image Content-Type: the type is read from the bytes) and the alt text in the query string
// (?altKo=…&altEn=…), Korean required. The platform's media piece checks and cleans the bytes.

export const MAX_PHOTOS = 6;

export const photoMessages: Catalog = {
  'errors.booking_photo_limit': {
    ko: '사진은 {max}장까지 올릴 수 있습니다. 다른 사진을 지운 뒤 올려 주십시오.',
    en: 'At most {max} photos can be attached. Please remove one first.',
  },
  'errors.booking_photo_not_found': {
    ko: '이 장소나 공간에 그 사진이 없습니다.',
    en: 'That photo is not attached here.',
  },
  'errors.booking_photo_order': {
    ko: '사진 순서에는 붙어 있는 사진이 모두 한 번씩 있어야 합니다.',
    en: 'The new order must list every attached photo exactly once.',
  },
  'audit.action.booking.photo_add': { ko: '예약 사진 추가', en: 'Booking photo added' },
  'audit.action.booking.photo_remove': { ko: '예약 사진 삭제', en: 'Booking photo removed' },
  'audit.action.booking.photo_order': { ko: '예약 사진 순서 변경', en: 'Booking photo order changed' },
};

type Owner = 'place' | 'resource';

/** The join table, its owner column and the owner's table, for a place or a resource. */
function partsOf(owner: Owner) {
  return owner === 'place'
    ? { photos: bookingPlacePhotos, ownerColumn: bookingPlacePhotos.placeId, table: bookingPlaces }
    : {
        photos: bookingResourcePhotos,
        ownerColumn: bookingResourcePhotos.resourceId,
        table: bookingResources,
      };
}

/** 404 unless the organization has the place or resource; in a transaction it is locked, so two
 * uploads never both take the last free place. */
async function ownerExists(db: DbOrTx, ctx: SignedInCtx, owner: Owner, id: string, lock = false) {
  const { table } = partsOf(owner);
  const query = db
    .select({ id: table.id })
    .from(table)
    .where(forOrg(table, ctx, eq(table.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row)
    throw owner === 'place'
      ? new AppError('booking_place_not_found', 404)
      : new AppError('booking_resource_not_found', 404);
}

/** The owner's photos in order, with both alt texts, for staff. */
export async function staffPhotos(db: DbOrTx, ctx: SignedInCtx, owner: Owner, id: string) {
  const { photos, ownerColumn } = partsOf(owner);
  const rows = await db
    .select({
      id: mediaImages.id,
      width: mediaImages.width,
      height: mediaImages.height,
      altKo: mediaImages.altKo,
      altEn: mediaImages.altEn,
    })
    .from(photos)
    .innerJoin(
      mediaImages,
      and(eq(mediaImages.id, photos.imageId), eq(mediaImages.organizationId, photos.organizationId)),
    )
    .where(forOrg(photos, ctx, eq(ownerColumn, id)))
    .orderBy(asc(photos.position));
  return rows.map((r): StaffImageRef => ({ ...r, alt: ctx.locale === 'en' && r.altEn ? r.altEn : r.altKo }));
}

export async function addPhoto(
  ctx: SignedInCtx,
  owner: Owner,
  id: string,
  body: unknown,
  alt: ImageUploadQuery,
): Promise<ImageRef> {
  return ctx.db.transaction(async (tx) => {
    await ownerExists(tx, ctx, owner, id, true);
    const { photos, ownerColumn } = partsOf(owner);
    const held = await tx
      .select({ position: photos.position })
      .from(photos)
      .where(forOrg(photos, ctx, eq(ownerColumn, id)));
    if (held.length >= MAX_PHOTOS) throw new AppError('booking_photo_limit', 409, { max: MAX_PHOTOS });
    const image = await storeImage(tx, ctx, body, alt);
    const position = held.length === 0 ? 0 : Math.max(...held.map((h) => h.position)) + 1;
    const link = { organizationId: ctx.organizationId, imageId: image.id, position };
    if (owner === 'place') await tx.insert(bookingPlacePhotos).values({ ...link, placeId: id });
    else await tx.insert(bookingResourcePhotos).values({ ...link, resourceId: id });
    await writeAudit(tx, ctx, {
      action: 'booking.photo_add',
      targetType: `booking.${owner}`,
      targetId: id,
      data: { imageId: image.id, altKo: alt.altKo, width: image.width, height: image.height },
    });
    return image;
  });
}

export async function removePhoto(ctx: SignedInCtx, owner: Owner, id: string, imageId: string) {
  await ctx.db.transaction(async (tx) => {
    await ownerExists(tx, ctx, owner, id, true);
    const { photos, ownerColumn } = partsOf(owner);
    const [link] = await tx
      .select({ imageId: photos.imageId })
      .from(photos)
      .where(forOrg(photos, ctx, eq(ownerColumn, id), eq(photos.imageId, imageId)));
    if (!link) throw new AppError('booking_photo_not_found', 404);
    // The image was uploaded for this place or resource only: it goes (and its link with it).
    await deleteImage(tx, ctx.organizationId, imageId);
    await writeAudit(tx, ctx, {
      action: 'booking.photo_remove',
      targetType: `booking.${owner}`,
      targetId: id,
      data: { imageId },
    });
  });
  return { ok: true as const };
}

export async function orderPhotos(ctx: SignedInCtx, owner: Owner, id: string, ids: string[]) {
  await ctx.db.transaction(async (tx) => {
    await ownerExists(tx, ctx, owner, id, true);
    const { photos, ownerColumn } = partsOf(owner);
    const held = await tx
      .select({ imageId: photos.imageId })
      .from(photos)
      .where(forOrg(photos, ctx, eq(ownerColumn, id)));
    const heldIds = new Set(held.map((h) => h.imageId));
    if (new Set(ids).size !== ids.length || ids.length !== heldIds.size || ids.some((i) => !heldIds.has(i)))
      throw new AppError('booking_photo_order', 422);
    for (const [position, imageId] of ids.entries())
      await tx
        .update(photos)
        .set({ position })
        .where(forOrg(photos, ctx, eq(ownerColumn, id), eq(photos.imageId, imageId)));
    await writeAudit(tx, ctx, {
      action: 'booking.photo_order',
      targetType: `booking.${owner}`,
      targetId: id,
      data: { ids },
    });
  });
  return { items: await staffPhotos(ctx.db, ctx, owner, id) };
}

const tags = ['booking'];
const manage = { action: 'booking.manage' };
const OwnerParams = z.strictObject({ id: z.uuid() });
const PhotoParams = z.strictObject({ id: z.uuid(), imageId: z.uuid() });

export const photoRoutes = routes((app) => {
  // Only these routes take a raw image body; every other route keeps JSON and the global body limit.
  acceptImageBodies(app);
  for (const owner of ['place', 'resource'] as const) {
    const base = `/api/v1/booking/staff/${owner}s/:id/photos`;
    app.get(
      base,
      {
        config: { access: manage },
        schema: { tags, params: OwnerParams, response: { 200: StaffImageList } },
      },
      async (req) => {
        await ownerExists(req.ctx.db, req.ctx, owner, req.params.id);
        return { items: await staffPhotos(req.ctx.db, req.ctx, owner, req.params.id) };
      },
    );
    app.post(
      base,
      {
        config: { access: manage },
        bodyLimit: IMAGE_BODY_LIMIT,
        schema: {
          tags,
          summary: `Attach a photo to a ${owner} (at most ${MAX_PHOTOS})`,
          description:
            'The body is the image itself (JPEG, PNG or WebP, at most 2 MiB and 8000 px a side), sent raw with its Content-Type; the type is read from the bytes. JPEG metadata (EXIF with GPS, XMP, IPTC, comments) is removed. Alt text in the query string: altKo required, altEn optional.',
          params: OwnerParams,
          querystring: ImageUploadQuery,
          response: { 201: ImageRef },
        },
      },
      async (req, reply) => {
        const image = await addPhoto(req.ctx, owner, req.params.id, req.body, req.query);
        return reply.status(201).send(image);
      },
    );
    app.put(
      `${base}/order`,
      {
        config: { access: manage },
        schema: { tags, params: OwnerParams, body: ImageOrderBody, response: { 200: StaffImageList } },
      },
      async (req) => orderPhotos(req.ctx, owner, req.params.id, req.body.ids),
    );
    app.delete(
      `${base}/:imageId`,
      {
        config: { access: manage },
        schema: { tags, params: PhotoParams, response: { 200: Ok } },
      },
      async (req) => removePhoto(req.ctx, owner, req.params.id, req.params.imageId),
    );
  }
});
