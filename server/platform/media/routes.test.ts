import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization } from '../../../tests/helpers/tenants.ts';
import { checkImage } from './image.ts';
import { etagMatches, imageEtag, MEDIA_CACHE_CONTROL } from './routes.ts';
import { deleteImage, imageServed, releaseImage, withholdImage } from './store.ts';
import { mediaImages } from './tables.ts';
import { testPng } from './test-images.ts';

describe.each(engines)('serving an image and caching it on %s', (engine) => {
  let t: TestApp;
  const keep = async () => {
    const image = checkImage(testPng(6, 4));
    const [row] = await t.database.db
      .insert(mediaImages)
      .values({
        organizationId: t.org.id,
        contentType: image.contentType,
        bytes: image.bytes,
        byteSize: image.bytes.length,
        width: image.width,
        height: image.height,
        altKo: '시험 사진',
      })
      .returning({ id: mediaImages.id });
    return row.id;
  };
  const get = (id: string, etag?: string) =>
    new TestClient(t.app).get(`/api/v1/media/${id}`, etag ? { 'if-none-match': etag } : {});

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('lets caches keep an image an hour, not a year, and revalidate it with its ETag', async () => {
    expect(MEDIA_CACHE_CONTROL).toBe('public, max-age=3600');
    const id = await keep();
    const served = await get(id);
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('public, max-age=3600');
    expect(served.headers['cache-control']).not.toContain('immutable');
    expect(served.headers.etag).toBe(`"${id}"`);
    const again = await get(id, served.headers.etag as string);
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers['cache-control']).toBe('public, max-age=3600');
    // Another ETag is not this image's: the bytes are sent.
    expect((await get(id, '"something-else"')).statusCode).toBe(200);
  });

  it('answers 404, not 304, when a cache revalidates an image that was removed', async () => {
    const id = await keep();
    const etag = (await get(id)).headers.etag as string;
    expect((await get(id, etag)).statusCode).toBe(304);
    expect(await deleteImage(t.database.db, t.org.id, id)).toBe(true);
    const gone = await get(id, etag);
    expect(gone.statusCode).toBe(404);
    expect(gone.headers.etag).toBeUndefined();
    expect(String(gone.headers['cache-control'] ?? '')).not.toContain('max-age=3600');
    expect(gone.json().error.message).toBeTruthy();
    expect(await t.database.db.$count(mediaImages, eq(mediaImages.id, id))).toBe(0);
  });

  it('answers a revalidation from the row without the bytes: 304 for its ETag (weak, listed or *), 404 while withheld or elsewhere', async () => {
    const id = await keep();
    const etag = imageEtag(id);
    for (const header of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const res = await get(id, header);
      expect(res.statusCode, header).toBe(304);
      expect(res.rawPayload.length).toBe(0);
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe(MEDIA_CACHE_CONTROL);
      expect(res.headers['content-type']).toBeUndefined();
    }
    expect(etagMatches('"something-else", W/"other"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
    // The revalidation's lookup reads the row's state only (no bytes in what it answers).
    expect(await imageServed(t.database.db, t.org.id, id)).toBe(true);
    const other = await createOtherOrganization(t);
    expect(await imageServed(t.database.db, other.id, id)).toBe(false);
    // Withheld (its proposal hidden or withdrawn): 404 to a cache's revalidation too, and 304 once released.
    expect(await withholdImage(t.database.db, t.org.id, id)).toBe(true);
    expect(await imageServed(t.database.db, t.org.id, id)).toBe(false);
    const withheld = await get(id, etag);
    expect(withheld.statusCode).toBe(404);
    expect(withheld.headers.etag).toBeUndefined();
    expect((await get(id)).statusCode).toBe(404);
    expect(await releaseImage(t.database.db, t.org.id, id)).toBe(true);
    expect((await get(id, etag)).statusCode).toBe(304);
    const full = await get(id);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/png');
    expect(full.rawPayload.length).toBeGreaterThan(0);
  });
});
