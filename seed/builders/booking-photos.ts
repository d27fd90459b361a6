import { and, eq } from 'drizzle-orm';
import { bookingPlacePhotos } from '../../server/modules/booking/photo-tables.ts';
import { bookingPlaces } from '../../server/modules/booking/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { encodePng, type Rgb } from '../../server/platform/media/png.ts';
import { storeSampleImage } from './sample-image.ts';

// A SAMPLE photo for each demo place (issue 10): a flat illustration drawn here in code and encoded
// as a PNG (no image is downloaded), with alt text that says it is an example (예시). A place that
// already has a photo is left as it is.

const WIDTH = 480;
const HEIGHT = 300;

interface Drawing {
  sky: Rgb;
  ground: Rgb;
  wall: Rgb;
  window: Rgb;
  floors: number;
  /** The division's car: a car instead of a building. */
  car?: boolean;
}

function draw(d: Drawing): Buffer {
  const horizon = 230;
  const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) =>
    x >= x0 && x < x1 && y >= y0 && y < y1;
  const inCircle = (x: number, y: number, cx: number, cy: number, r: number) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  return encodePng(WIDTH, HEIGHT, (x, y) => {
    if (inCircle(x, y, 410, 60, 28)) return [255, 214, 102]; // the sun
    if (d.car) {
      if (inCircle(x, y, 170, 232, 24) || inCircle(x, y, 320, 232, 24)) return [40, 40, 48]; // wheels
      if (inRect(x, y, 175, 130, 300, 180)) {
        const glass = y > 138 && y < 170 && x > 185 && x < 290 && (x < 232 || x > 242);
        return glass ? d.window : d.wall; // the cabin with two windows
      }
      if (inRect(x, y, 110, 175, 380, 225)) return d.wall; // body
    } else {
      const left = 110;
      const right = 370;
      const top = horizon - d.floors * 60;
      if (inRect(x, y, left, top, right, horizon)) {
        if (inRect(x, y, 222, horizon - 48, 258, horizon)) return [90, 62, 44]; // the door
        const floorY = (y - top) % 60;
        const column = (x - left) % 52;
        if (floorY >= 14 && floorY < 42 && column >= 12 && column < 40) return d.window;
        return d.wall;
      }
      if (inRect(x, y, left - 10, top - 10, right + 10, top)) return [70, 70, 80]; // the roof
    }
    return y >= horizon ? d.ground : d.sky;
  });
}

const PHOTOS: Record<string, { drawing: Drawing; altKo: string; altEn: string }> = {
  'zero-gravity-zone': {
    drawing: {
      sky: [204, 229, 255],
      ground: [120, 180, 110],
      wall: [110, 84, 170],
      window: [250, 236, 170],
      floors: 2,
    },
    altKo: '예시 그림: 무중력지대-영등포를 나타낸 보라색 2층 건물 그림입니다. 실제 사진이 아닙니다.',
    altEn:
      'Sample illustration: a purple two-storey building standing for Zero Gravity Zone Yeongdeungpo. Not a real photo.',
  },
  'social-economy-center': {
    drawing: {
      sky: [214, 236, 225],
      ground: [140, 170, 120],
      wall: [36, 122, 112],
      window: [235, 245, 250],
      floors: 3,
    },
    altKo: '예시 그림: 사회적경제지원센터를 나타낸 청록색 3층 건물 그림입니다. 실제 사진이 아닙니다.',
    altEn:
      'Sample illustration: a teal three-storey building standing for the social economy support centre. Not a real photo.',
  },
  'youth-architecture-school': {
    drawing: {
      sky: [255, 236, 214],
      ground: [176, 160, 120],
      wall: [196, 98, 64],
      window: [255, 250, 235],
      floors: 2,
    },
    altKo: '예시 그림: 청년건축학교를 나타낸 벽돌색 2층 건물 그림입니다. 실제 사진이 아닙니다.',
    altEn:
      'Sample illustration: a brick-red two-storey building standing for the Youth Architecture School. Not a real photo.',
  },
  'division-vehicle': {
    drawing: {
      sky: [220, 232, 245],
      ground: [150, 150, 156],
      wall: [52, 104, 190],
      window: [210, 235, 250],
      floors: 0,
      car: true,
    },
    altKo: '예시 그림: 행정차량을 나타낸 파란색 승용차 그림입니다. 실제 사진이 아닙니다.',
    altEn: 'Sample illustration: a blue car standing for the division’s vehicle. Not a real photo.',
  },
};

/** The sample illustration of a demo place, as a PNG (null for a place without one). */
export function samplePlacePng(code: string): Buffer | null {
  const photo = PHOTOS[code];
  return photo ? draw(photo.drawing) : null;
}

export async function buildBookingPhotos(tx: DbOrTx, organizationId: string): Promise<void> {
  for (const [code, photo] of Object.entries(PHOTOS)) {
    const [place] = await tx
      .select({ id: bookingPlaces.id })
      .from(bookingPlaces)
      .where(and(eq(bookingPlaces.organizationId, organizationId), eq(bookingPlaces.code, code)));
    if (!place) continue;
    const [had] = await tx
      .select({ id: bookingPlacePhotos.imageId })
      .from(bookingPlacePhotos)
      .where(
        and(eq(bookingPlacePhotos.organizationId, organizationId), eq(bookingPlacePhotos.placeId, place.id)),
      )
      .limit(1);
    if (had) continue;
    const id = await storeSampleImage(tx, organizationId, draw(photo.drawing), photo);
    await tx
      .insert(bookingPlacePhotos)
      .values({ organizationId, placeId: place.id, imageId: id, position: 0 });
  }
}
