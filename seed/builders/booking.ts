import { and, eq, sql } from 'drizzle-orm';
import type { Audience, ResourceKind } from '../../contracts/booking.ts';
import {
  bookingBookings,
  bookingOpeningHours,
  bookingPlaces,
  bookingResources,
} from '../../server/modules/booking/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { addDays, isHoliday, todayInSeoul, weekdayOf } from '../../server/platform/time/index.ts';

// The report's bookable places (무중력지대-영등포's floor plan, the social-economy support centre's
// rooms, the Youth Architecture School, the division's car) with their hours, and a week of SAMPLE
// bookings from the day the demo is loaded (marked is_sample, booked by no real person).

interface DemoResource {
  code: string;
  nameKo: string;
  nameEn: string;
  kind: ResourceKind;
  capacity: number;
  audience: Audience;
  slotMinutes?: number;
  maxMinutesPerDay?: number;
  maxBookingsPerWeek?: number;
  approvalNeeded?: boolean;
}
interface DemoPlace {
  code: string;
  nameKo: string;
  nameEn: string;
  address: string;
  descriptionKo: string;
  descriptionEn: string;
  /** [weekday (0 Sunday), opens, closes] */
  hours: Array<[number, string, string]>;
  resources: DemoResource[];
}

const weekdays = (opens: string, closes: string): Array<[number, string, string]> =>
  [1, 2, 3, 4, 5].map((d) => [d, opens, closes]);

export const DEMO_BOOKING_PLACES: DemoPlace[] = [
  {
    code: 'zero-gravity-zone',
    nameKo: '무중력지대-영등포',
    nameEn: 'Zero Gravity Zone Yeongdeungpo',
    address: '서울특별시 영등포구 당산로 235',
    descriptionKo:
      '청년 활동 공간입니다. 1층은 코워킹스페이스, 2층은 교육실·1인미디어실·메이커스페이스·공유부엌입니다.',
    descriptionEn:
      'A space for young people: co-working on the first floor; education room, one-person media studio, maker space and shared kitchen on the second.',
    hours: [...weekdays('10:00', '22:00'), [6, '10:00', '18:00']],
    resources: [
      ...[1, 2, 3, 4].map(
        (n): DemoResource => ({
          code: `zgz-desk-${n}`,
          nameKo: `1층 코워킹 좌석 ${n}`,
          nameEn: `First-floor co-working desk ${n}`,
          kind: 'desk',
          capacity: 1,
          audience: 'youth',
          maxMinutesPerDay: 240,
          maxBookingsPerWeek: 5,
        }),
      ),
      {
        code: 'zgz-education',
        nameKo: '2층 교육실',
        nameEn: 'Second-floor education room',
        kind: 'room',
        capacity: 30,
        audience: 'youth',
        approvalNeeded: true,
      },
      {
        code: 'zgz-media-studio',
        nameKo: '1인미디어실',
        nameEn: 'One-person media studio',
        kind: 'room',
        capacity: 3,
        audience: 'youth',
        maxMinutesPerDay: 120,
      },
      {
        code: 'zgz-maker-space',
        nameKo: '메이커스페이스',
        nameEn: 'Maker space',
        kind: 'room',
        capacity: 8,
        audience: 'youth',
      },
      {
        code: 'zgz-kitchen',
        nameKo: '공유부엌',
        nameEn: 'Shared kitchen',
        kind: 'room',
        capacity: 10,
        audience: 'youth',
        slotMinutes: 120,
        maxMinutesPerDay: 240,
        maxBookingsPerWeek: 1,
      },
    ],
  },
  {
    code: 'social-economy-center',
    nameKo: '사회적경제지원센터',
    nameEn: 'Social Economy Support Center',
    address: '서울특별시 영등포구 선유동1로 80',
    descriptionKo: '교육실, 회의실, 북카페를 예약할 수 있습니다. 입주공간은 예약 대상이 아닙니다.',
    descriptionEn: 'The education room, meeting room and book café can be booked. Tenant spaces cannot.',
    hours: weekdays('09:00', '18:00'),
    resources: [
      {
        code: 'sec-education',
        nameKo: '교육실',
        nameEn: 'Education room',
        kind: 'room',
        capacity: 30,
        audience: 'residents',
        approvalNeeded: true,
      },
      {
        code: 'sec-meeting',
        nameKo: '회의실',
        nameEn: 'Meeting room',
        kind: 'room',
        capacity: 10,
        audience: 'enterprises',
      },
      {
        code: 'sec-book-cafe',
        nameKo: '북카페',
        nameEn: 'Book café',
        kind: 'room',
        capacity: 20,
        audience: 'residents',
      },
    ],
  },
  {
    code: 'youth-architecture-school',
    nameKo: '청년건축학교',
    nameEn: 'Youth Architecture School',
    address: '서울특별시 영등포구 문래북로 116 B110호',
    descriptionKo: '청년 상담과 일자리 정보를 나누는 공간입니다.',
    descriptionEn: 'A place for counselling young people and sharing job information.',
    hours: weekdays('10:00', '19:00'),
    resources: [
      {
        code: 'yas-counselling',
        nameKo: '상담실',
        nameEn: 'Counselling room',
        kind: 'room',
        capacity: 4,
        audience: 'youth',
      },
      {
        code: 'yas-job-cafe',
        nameKo: '일자리카페',
        nameEn: 'Job café',
        kind: 'room',
        capacity: 20,
        audience: 'youth',
      },
      {
        code: 'yas-education',
        nameKo: '교육실',
        nameEn: 'Education room',
        kind: 'room',
        capacity: 20,
        audience: 'youth',
        approvalNeeded: true,
      },
    ],
  },
  {
    code: 'division-vehicle',
    nameKo: '행정차량',
    nameEn: 'Division vehicle',
    address: '서울특별시 영등포구 당산로 123 (영등포구청)',
    descriptionKo: '사회적경제 활동 지원과 점검에 쓰는 전기 중형승용차입니다. 직원만 예약할 수 있습니다.',
    descriptionEn: 'A mid-size electric car for supporting and inspecting social-economy work. Staff only.',
    hours: weekdays('09:00', '18:00'),
    resources: [
      {
        code: 'division-ev',
        nameKo: '행정차량 (서울EV)',
        nameEn: 'Division car (electric)',
        kind: 'vehicle',
        capacity: 5,
        audience: 'staff',
        slotMinutes: 60,
        maxMinutesPerDay: 540,
        maxBookingsPerWeek: 10,
      },
    ],
  },
];

/** Sample bookings: [resource code, day offset from the load day, start hour, hours, purpose]. */
const SAMPLE_BOOKINGS: Array<[string, number, number, number, string]> = [
  ['zgz-media-studio', 1, 14, 2, '유튜브 영상 촬영 (예시)'],
  ['zgz-media-studio', 2, 10, 1, '팟캐스트 녹음 (예시)'],
  ['zgz-media-studio', 3, 19, 2, '라이브 방송 연습 (예시)'],
  ['zgz-maker-space', 1, 15, 3, '3D 프린터 시제품 제작 (예시)'],
  ['zgz-education', 2, 18, 2, '청년 모임 정기회의 (예시)'],
  ['zgz-kitchen', 4, 12, 2, '함께 점심 만들기 (예시)'],
  ['zgz-desk-1', 1, 10, 4, '취업 준비 (예시)'],
  ['zgz-desk-2', 2, 13, 3, '자격증 공부 (예시)'],
  ['sec-meeting', 1, 10, 2, '협동조합 이사회 (예시)'],
  ['sec-book-cafe', 3, 14, 2, '독서 모임 (예시)'],
  ['sec-education', 5, 10, 3, '사회적경제 기초 교육 (예시)'],
  ['yas-counselling', 2, 11, 1, '진로 상담 (예시)'],
  ['yas-job-cafe', 4, 15, 2, '면접 스터디 (예시)'],
  ['division-ev', 3, 9, 4, '사회적기업 현장 점검 (예시)'],
];

export async function buildBooking(tx: DbOrTx, organizationId: string): Promise<void> {
  const resourceIds = new Map<string, { id: string; hours: Array<[number, string, string]> }>();
  // Places list in the order they were added: one millisecond apart, as listed here.
  const loadedAt = Date.now();
  for (const [order, place] of DEMO_BOOKING_PLACES.entries()) {
    const [existing] = await tx
      .select({ id: bookingPlaces.id })
      .from(bookingPlaces)
      .where(and(eq(bookingPlaces.organizationId, organizationId), eq(bookingPlaces.code, place.code)));
    let placeId = existing?.id;
    if (!placeId) {
      [{ id: placeId }] = await tx
        .insert(bookingPlaces)
        .values({
          organizationId,
          code: place.code,
          nameKo: place.nameKo,
          nameEn: place.nameEn,
          address: place.address,
          descriptionKo: place.descriptionKo,
          descriptionEn: place.descriptionEn,
          isSample: true,
          createdAt: new Date(loadedAt + order),
        })
        .returning({ id: bookingPlaces.id });
      await tx.insert(bookingOpeningHours).values(
        place.hours.map(([weekday, opens, closes]) => ({
          organizationId,
          placeId,
          weekday,
          opens,
          closes,
        })),
      );
    }
    for (const [i, r] of place.resources.entries()) {
      const [had] = await tx
        .select({ id: bookingResources.id })
        .from(bookingResources)
        .where(and(eq(bookingResources.organizationId, organizationId), eq(bookingResources.code, r.code)));
      const id =
        had?.id ??
        (
          await tx
            .insert(bookingResources)
            .values({
              organizationId,
              placeId,
              code: r.code,
              nameKo: r.nameKo,
              nameEn: r.nameEn,
              kind: r.kind,
              capacity: r.capacity,
              audience: r.audience,
              slotMinutes: r.slotMinutes ?? 60,
              maxMinutesPerDay: r.maxMinutesPerDay ?? 180,
              maxBookingsPerWeek: r.maxBookingsPerWeek ?? 2,
              approvalNeeded: r.approvalNeeded ?? false,
              sortOrder: i,
            })
            .returning({ id: bookingResources.id })
        )[0].id;
      resourceIds.set(r.code, { id, hours: place.hours });
    }
  }
  const [{ count }] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(bookingBookings)
    .where(and(eq(bookingBookings.organizationId, organizationId), eq(bookingBookings.isSample, true)));
  if (Number(count) > 0) return;
  const today = todayInSeoul();
  for (const [code, offset, hour, hours, purpose] of SAMPLE_BOOKINGS) {
    const resource = resourceIds.get(code);
    if (!resource) continue;
    // Moved to the next day the place is open, so every sample sits inside opening hours.
    let date = addDays(today, offset);
    const openOn = (d: string) =>
      resource.hours.find(
        ([w, opens, closes]) =>
          w === weekdayOf(d) &&
          Number(opens.slice(0, 2)) <= hour &&
          hour + hours <= Number(closes.slice(0, 2)),
      ) && !isHoliday(d, { outsideTable: 'solar-only' });
    for (let tries = 0; tries < 7 && !openOn(date); tries++) date = addDays(date, 1);
    if (!openOn(date)) continue;
    const pad = (h: number) => String(h).padStart(2, '0');
    await tx
      .insert(bookingBookings)
      .values({
        organizationId,
        resourceId: resource.id,
        userId: null,
        period: sql`tstzrange(${`${date}T${pad(hour)}:00:00+09:00`}::timestamptz, ${`${date}T${pad(hour + hours)}:00:00+09:00`}::timestamptz, '[)')`,
        status: 'confirmed',
        purpose,
        people: 1,
        isSample: true,
      })
      .onConflictDoNothing();
  }
}
