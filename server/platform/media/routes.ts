import { z } from 'zod';
import { MediaIdParams } from '../../../contracts/media.ts';
import { AppError } from '../errors.ts';
import { routes } from '../http.ts';
import { findImage, imageServed } from './store.ts';

const tags = ['media'];
/**
 * An image's bytes never change (a new upload is a new id), but an image can go: staff remove a
 * photo, a hidden proposal's image is withheld. So caches keep it an hour only, then ask again with
 * its ETag: a 304 while it is still served, a 404 once it is gone.
 */
export const MEDIA_CACHE_CONTROL = 'public, max-age=3600';

/** An image's ETag: its id, since its bytes never change. */
export const imageEtag = (id: string) => `"${id}"`;

/**
 * Whether If-None-Match names this ETag: `*`, or one of a comma-separated list, weak (W/) or not
 * (GET compares weakly, RFC 9110 13.1.2).
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === etag);
}

export const mediaRoutes = routes((app) => {
  app.get(
    '/api/v1/media/:id',
    {
      // Images are attached to public things (places, rooms): anyone may see them, but only at the
      // host of the organization that holds them (another organization's host answers 404).
      config: { access: 'public' },
      compress: false, // JPEG, PNG and WebP are compressed already
      schema: {
        tags,
        summary: 'An uploaded image (JPEG, PNG or WebP), by id',
        description:
          "Served with its checked type, nosniff, inline and an hour's public Cache-Control with an ETag: If-None-Match answers 304 while the image is served, 404 once it is removed or withheld.",
        params: MediaIdParams,
        response: { 200: z.any().describe('the image bytes'), 304: z.any().describe('not modified') },
      },
    },
    async (req, reply) => {
      const etag = imageEtag(req.params.id);
      const served = () =>
        reply
          .header('etag', etag)
          .header('cache-control', MEDIA_CACHE_CONTROL)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline')
          // An image is no document: nothing in it may run or load, even when opened on its own.
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      // A cache that holds the image asks only whether it is still served: answered from its row,
      // without reading its bytes (a removed or withheld image still answers 404).
      if (etagMatches(req.headers['if-none-match'], etag)) {
        if (!(await imageServed(req.ctx.db, req.ctx.organizationId, req.params.id)))
          throw new AppError('media_not_found', 404);
        return served().status(304).send();
      }
      const image = await findImage(req.ctx.db, req.ctx.organizationId, req.params.id);
      if (!image) throw new AppError('media_not_found', 404);
      return served().type(image.contentType).send(image.bytes);
    },
  );
});
