import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { checkImage, mediaImages } from '../../server/platform/media/index.ts';

/**
 * Stores a drawn sample PNG as an organization's image, through the same check as an upload (the
 * demo's images are what a person could have sent); answers its id.
 */
export async function storeSampleImage(
  tx: DbOrTx,
  organizationId: string,
  png: Buffer,
  alt: { altKo: string; altEn: string },
): Promise<string> {
  const image = checkImage(png);
  const [{ id }] = await tx
    .insert(mediaImages)
    .values({
      organizationId,
      uploadedBy: null,
      contentType: image.contentType,
      bytes: image.bytes,
      byteSize: image.bytes.length,
      width: image.width,
      height: image.height,
      altKo: alt.altKo,
      altEn: alt.altEn,
    })
    .returning({ id: mediaImages.id });
  return id;
}
