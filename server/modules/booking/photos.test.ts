import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization, HostClient } from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { auditLog } from '../../platform/audit/tables.ts';
import { mediaImages } from '../../platform/media/tables.ts';
import { GPS_MARK, SVG_WITH_SCRIPT, testJpeg, testPng } from '../../platform/media/test-images.ts';
import { bookingPlaces, bookingResources } from './tables.ts';

const STAFF = '/api/v1/booking/staff';
const alt = (ko: string, en = '') =>
  `altKo=${encodeURIComponent(ko)}${en ? `&altEn=${encodeURIComponent(en)}` : ''}`;

describe.each(engines)('booking photos and the media piece on %s', (engine) => {
  let t: TestApp;
  let placeId: string;
  let roomId: string;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let resident: Awaited<ReturnType<typeof signedInAs>>;

  const upload = (client: TestClient, url: string, body: Buffer | string, type: string) =>
    client.request({ method: 'POST', url, payload: body, headers: { 'content-type': type } });
  const roomPhotos = () => `${STAFF}/resources/${roomId}/photos`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const organizationId = t.org.id;
    [{ id: placeId }] = await t.database.db
      .insert(bookingPlaces)
      .values({ organizationId, code: 'photo-place', nameKo: '사진 시험 장소', nameEn: 'Photo test place' })
      .returning({ id: bookingPlaces.id });
    [{ id: roomId }] = await t.database.db
      .insert(bookingResources)
      .values({
        organizationId,
        placeId,
        code: 'photo-room',
        nameKo: '사진 회의실',
        nameEn: 'Photo room',
        kind: 'room',
        capacity: 6,
        audience: 'residents',
      })
      .returning({ id: bookingResources.id });
    staff = await signedInAs(t, ['staff']);
    resident = await signedInAs(t, ['resident']);
  });
  afterAll(() => t?.close());

  it('lets only staff attach photos: anonymous 401, residents 403', async () => {
    const anon = new TestClient(t.app);
    expect((await upload(anon, `${roomPhotos()}?${alt('방')}`, testPng(), 'image/png')).statusCode).toBe(401);
    const c = resident.client;
    expect((await upload(c, `${roomPhotos()}?${alt('방')}`, testPng(), 'image/png')).statusCode).toBe(403);
    expect((await c.get(roomPhotos())).statusCode).toBe(403);
    expect((await c.delete(`${roomPhotos()}/${crypto.randomUUID()}`)).statusCode).toBe(403);
    const place = `${STAFF}/places/${placeId}/photos?${alt('장소')}`;
    expect((await upload(c, place, testPng(), 'image/png')).statusCode).toBe(403);
    expect(await t.database.db.$count(mediaImages)).toBe(0);
  });

  it('stores a PNG with its size and alt text, serves it with safe headers, and audits it', async () => {
    const res = await upload(
      staff.client,
      `${roomPhotos()}?${alt('창가 쪽 긴 탁자가 있는 회의실', 'Meeting room with a long table')}`,
      testPng(40, 30),
      'image/png',
    );
    expect(res.statusCode).toBe(201);
    const image = res.json();
    expect(image).toMatchObject({ width: 40, height: 30, alt: '창가 쪽 긴 탁자가 있는 회의실' });
    const served = await new TestClient(t.app).get(`/api/v1/media/${image.id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toBe('inline');
    expect(served.headers['cache-control']).toBe('public, max-age=3600');
    expect(served.headers.etag).toBe(`"${image.id}"`);
    expect(served.rawPayload.subarray(0, 8)).toEqual(testPng().subarray(0, 8));
    const again = await new TestClient(t.app).get(`/api/v1/media/${image.id}`, {
      'if-none-match': `"${image.id}"`,
    });
    expect(again.statusCode).toBe(304);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'booking.photo_add'), eq(auditLog.targetId, roomId)));
    expect(audit).toHaveLength(1);

    // The public read models carry the photo with its alt text, in the reader's language.
    const places = await new TestClient(t.app, 'en').get('/api/v1/booking/places');
    const room = places
      .json()
      .items.find((p: { id: string }) => p.id === placeId)
      .resources.find((r: { id: string }) => r.id === roomId);
    expect(room.photos).toEqual([
      { id: image.id, width: 40, height: 30, alt: 'Meeting room with a long table' },
    ]);
    const day = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const slots = await new TestClient(t.app).get(`/api/v1/booking/resources/${roomId}/slots?date=${day}`);
    expect(slots.json().resource.photos[0]).toMatchObject({
      id: image.id,
      alt: '창가 쪽 긴 탁자가 있는 회의실',
    });
  });

  it('trusts the bytes, not the declared type: a PNG sent as image/jpeg is kept and served as PNG', async () => {
    const res = await upload(
      staff.client,
      `${roomPhotos()}?${alt('이름만 jpg인 사진')}`,
      testPng(8, 8),
      'image/jpeg',
    );
    expect(res.statusCode).toBe(201);
    const served = await new TestClient(t.app).get(`/api/v1/media/${res.json().id}`);
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('refuses SVG with a script, HTML and JSON bodies with 415 in Korean and English', async () => {
    for (const type of ['image/svg+xml', 'image/png']) {
      const svg = await upload(staff.client, `${roomPhotos()}?${alt('그림')}`, SVG_WITH_SCRIPT, type);
      expect(svg.statusCode).toBe(415);
      expect(svg.json().error.message).toContain('JPEG, PNG, WebP 파일만');
    }
    const en = new TestClient(t.app, 'en');
    en.cookies = staff.client.cookies;
    en.csrfToken = staff.client.csrfToken;
    const html = await upload(
      en,
      `${roomPhotos()}?${alt('문서')}`,
      '<html><script>alert(1)</script></html>',
      'text/html',
    );
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toContain('Only JPEG, PNG and WebP images');
    const json = await upload(staff.client, `${roomPhotos()}?${alt('문서')}`, '{"a":1}', 'application/json');
    expect(json.statusCode).toBe(415);
  });

  it('refuses files over 2 MiB (413), absurd dimensions (422) and a missing Korean alt text (400)', async () => {
    const big = Buffer.concat([testPng(), Buffer.alloc(2 * 1024 * 1024)]);
    expect(
      (await upload(staff.client, `${roomPhotos()}?${alt('큰 사진')}`, big, 'image/png')).statusCode,
    ).toBe(413);
    const wide = await upload(
      staff.client,
      `${roomPhotos()}?${alt('넓은 사진')}`,
      testJpeg(9000, 100),
      'image/jpeg',
    );
    expect(wide.statusCode).toBe(422);
    expect(wide.json().error.message).toContain('8000픽셀');
    const noAlt = await upload(staff.client, `${roomPhotos()}?altEn=Room`, testPng(), 'image/png');
    expect(noAlt.statusCode).toBe(400);
    const blankAlt = await upload(staff.client, `${roomPhotos()}?altKo=%20%20`, testPng(), 'image/png');
    expect(blankAlt.statusCode).toBe(400);
    // The app's global limit still holds for JSON routes (1 MiB by default).
    const bigJson = await staff.client.put(`${STAFF}/places/${placeId}/hours`, {
      hours: [],
      pad: 'x'.repeat(1_100_000),
    });
    expect(bigJson.statusCode).toBe(413);
  });

  it('strips EXIF, XMP, IPTC and comments from a JPEG and reads its size from SOF', async () => {
    const res = await upload(
      staff.client,
      `${STAFF}/places/${placeId}/photos?${alt('장소 입구')}`,
      testJpeg(1200, 800),
      'image/jpeg',
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 1200, height: 800 });
    const served = await new TestClient(t.app).get(`/api/v1/media/${res.json().id}`);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.toString('latin1')).not.toContain(GPS_MARK);
    expect(served.rawPayload.toString('latin1')).not.toContain('Exif');
    const [row] = await t.database.db.select().from(mediaImages).where(eq(mediaImages.id, res.json().id));
    expect(row.bytes.toString('latin1')).not.toContain(GPS_MARK);
    expect(row.byteSize).toBe(row.bytes.length);
  });

  it("answers 404 for an image at another organization's host", async () => {
    const [image] = await t.database.db.select({ id: mediaImages.id }).from(mediaImages).limit(1);
    const other = await createOtherOrganization(t);
    const there = await new HostClient(t.app, other.host).get(`/api/v1/media/${image.id}`);
    expect(there.statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/v1/media/${image.id}`)).statusCode).toBe(200);
    expect((await new TestClient(t.app).get(`/api/v1/media/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('keeps at most six, in the order staff set, and removes one with its image', async () => {
    const list = async () => (await staff.client.get(roomPhotos())).json().items as Array<{ id: string }>;
    const have = (await list()).length;
    for (let i = have; i < 6; i++)
      expect(
        (await upload(staff.client, `${roomPhotos()}?${alt(`사진 ${i}`)}`, testPng(4, 4), 'image/png'))
          .statusCode,
      ).toBe(201);
    const seventh = await upload(
      staff.client,
      `${roomPhotos()}?${alt('일곱째')}`,
      testPng(4, 4),
      'image/png',
    );
    expect(seventh.statusCode).toBe(409);
    const ids = (await list()).map((p) => p.id);
    expect(ids).toHaveLength(6);
    const reversed = [...ids].reverse();
    const ordered = await staff.client.put(`${roomPhotos()}/order`, { ids: reversed });
    expect(ordered.statusCode).toBe(200);
    expect((await list()).map((p) => p.id)).toEqual(reversed);
    expect((await staff.client.put(`${roomPhotos()}/order`, { ids: reversed.slice(1) })).statusCode).toBe(
      422,
    );
    const removed = await staff.client.delete(`${roomPhotos()}/${reversed[0]}`);
    expect(removed.statusCode).toBe(200);
    expect((await list()).map((p) => p.id)).toEqual(reversed.slice(1));
    expect((await new TestClient(t.app).get(`/api/v1/media/${reversed[0]}`)).statusCode).toBe(404);
    // A cache asking again with the removed photo's ETag is told it is gone, not that it is fresh.
    const revalidated = await new TestClient(t.app).get(`/api/v1/media/${reversed[0]}`, {
      'if-none-match': `"${reversed[0]}"`,
    });
    expect(revalidated.statusCode).toBe(404);
    expect((await staff.client.delete(`${roomPhotos()}/${reversed[0]}`)).statusCode).toBe(404);
    // A photo of another place or resource is not removed through this one.
    const placeList = (await staff.client.get(`${STAFF}/places/${placeId}/photos`)).json().items;
    expect((await staff.client.delete(`${roomPhotos()}/${placeList[0].id}`)).statusCode).toBe(404);
    const removals = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'booking.photo_remove'));
    expect(removals).toHaveLength(1);
  });
});
