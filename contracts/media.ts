import { z } from 'zod';

// Uploaded images (사진): how read models name one, and what an upload says about it.

/** An image to show: its address is /api/v1/media/{id}; width and height avoid layout shift. */
export const ImageRef = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  /** In the reader's language (Korean when no English was given). */
  alt: z.string(),
});
export type ImageRef = z.infer<typeof ImageRef>;

/**
 * The alt text of an upload, in the query string: the body is the image itself, sent raw with its
 * own Content-Type (image/jpeg, image/png, image/webp; the type is read from the bytes anyway).
 */
export const ImageUploadQuery = z.strictObject({
  altKo: z.string().trim().min(1).max(300),
  altEn: z.string().trim().max(300).optional(),
});
export type ImageUploadQuery = z.infer<typeof ImageUploadQuery>;

export const MediaIdParams = z.strictObject({ id: z.uuid() });

/** The largest upload, in bytes (2 MiB), and the longest side, in pixels. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 8000;

/** Where an image is served. */
export const mediaPath = (id: string) => `/api/v1/media/${id}`;

/** An image as staff manage it: both alt texts as written. */
export const StaffImageRef = ImageRef.extend({ altKo: z.string(), altEn: z.string() });
export type StaffImageRef = z.infer<typeof StaffImageRef>;
export const StaffImageList = z.object({ items: z.array(StaffImageRef) });
export type StaffImageList = z.infer<typeof StaffImageList>;

/** A new order for a set of attached images: every one of them, each once. */
export const ImageOrderBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(20) });
export type ImageOrderBody = z.infer<typeof ImageOrderBody>;
