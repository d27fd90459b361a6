import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ImageRef } from '../../../contracts/media.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { mediaImages } from '../../platform/media/index.ts';
import { bookingPlacePhotos, bookingResourcePhotos } from './photo-tables.ts';

// The photos of places and resources as the public read models show them: id, size and alt text in
// the reader's language, in the order staff set. The image bytes are never read here.

const alt = (locale: Locale, ko: string, en: string) => (locale === 'en' && en ? en : ko);
const refColumns = {
  id: mediaImages.id,
  width: mediaImages.width,
  height: mediaImages.height,
  altKo: mediaImages.altKo,
  altEn: mediaImages.altEn,
};

interface RefRow {
  owner: string;
  id: string;
  width: number;
  height: number;
  altKo: string;
  altEn: string;
}

function grouped(rows: RefRow[], locale: Locale): Map<string, ImageRef[]> {
  const out = new Map<string, ImageRef[]>();
  for (const r of rows) {
    const list = out.get(r.owner) ?? [];
    list.push({ id: r.id, width: r.width, height: r.height, alt: alt(locale, r.altKo, r.altEn) });
    out.set(r.owner, list);
  }
  return out;
}

/** Each place's photos, by place id (a place without photos is not in the map). */
export async function placePhotoRefs(
  db: DbOrTx,
  organizationId: string,
  placeIds: readonly string[],
  locale: Locale,
): Promise<Map<string, ImageRef[]>> {
  if (placeIds.length === 0) return new Map();
  const rows = await db
    .select({ owner: bookingPlacePhotos.placeId, ...refColumns })
    .from(bookingPlacePhotos)
    .innerJoin(
      mediaImages,
      and(
        eq(mediaImages.id, bookingPlacePhotos.imageId),
        eq(mediaImages.organizationId, bookingPlacePhotos.organizationId),
      ),
    )
    .where(forOrg(bookingPlacePhotos, organizationId, inArray(bookingPlacePhotos.placeId, [...placeIds])))
    .orderBy(asc(bookingPlacePhotos.position));
  return grouped(rows, locale);
}

/** Each resource's photos, by resource id (a resource without photos is not in the map). */
export async function resourcePhotoRefs(
  db: DbOrTx,
  organizationId: string,
  resourceIds: readonly string[],
  locale: Locale,
): Promise<Map<string, ImageRef[]>> {
  if (resourceIds.length === 0) return new Map();
  const rows = await db
    .select({ owner: bookingResourcePhotos.resourceId, ...refColumns })
    .from(bookingResourcePhotos)
    .innerJoin(
      mediaImages,
      and(
        eq(mediaImages.id, bookingResourcePhotos.imageId),
        eq(mediaImages.organizationId, bookingResourcePhotos.organizationId),
      ),
    )
    .where(
      forOrg(
        bookingResourcePhotos,
        organizationId,
        inArray(bookingResourcePhotos.resourceId, [...resourceIds]),
      ),
    )
    .orderBy(asc(bookingResourcePhotos.position));
  return grouped(rows, locale);
}
