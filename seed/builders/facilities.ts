import { and, eq } from 'drizzle-orm';
import {
  adminEquipment,
  adminFacilities,
  adminFacilityFloors,
  adminFacilitySpaces,
} from '../../server/modules/administration/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { type DemoTeamCode, teamId } from './teams.ts';

// 주요시설 및 장비 (2019 report, and 무중력지대-영등포 from key project 2).
interface DemoFacility {
  code: string;
  nameKo: string;
  nameEn: string;
  address: string;
  floorAreaM2: string;
  landAreaM2: string | null;
  team: DemoTeamCode;
  notesKo: string | null;
  notesEn: string | null;
  floors: Array<{ floor: number; areaM2: string | null }>;
  spaces: Array<{ floor: number | null; nameKo: string; nameEn: string }>;
}

export const DEMO_FACILITIES: DemoFacility[] = [
  {
    code: 'social-economy-center',
    nameKo: '사회적경제지원센터',
    nameEn: 'Social Economy Support Center',
    address: '서울특별시 영등포구 선유동1로 80',
    floorAreaM2: '684',
    landAreaM2: null,
    team: 'social-economy-policy',
    notesKo: '입주공간: 기업 7개, 창업팀 4개',
    notesEn: 'Tenant space: 7 enterprises and 4 start-up teams',
    floors: [
      { floor: 2, areaM2: '276' },
      { floor: 3, areaM2: '408' },
    ],
    spaces: [
      { floor: 2, nameKo: '교육실', nameEn: 'Education room' },
      { floor: 2, nameKo: '운영실', nameEn: 'Operations room' },
      { floor: 2, nameKo: '북카페', nameEn: 'Book café' },
      { floor: 3, nameKo: '입주공간', nameEn: 'Tenant space' },
      { floor: 3, nameKo: '회의실', nameEn: 'Meeting room' },
      { floor: 3, nameKo: '행정', nameEn: 'Administration office' },
    ],
  },
  {
    code: 'youth-architecture-school',
    nameKo: '청년건축학교',
    nameEn: 'Youth Architecture School',
    address: '서울특별시 영등포구 문래북로 116 B110호',
    floorAreaM2: '189.02',
    landAreaM2: null,
    team: 'youth-support',
    notesKo: null,
    notesEn: null,
    floors: [],
    spaces: [
      { floor: null, nameKo: '상담실', nameEn: 'Counselling room' },
      { floor: null, nameKo: '일자리카페', nameEn: 'Job café' },
      { floor: null, nameKo: '교육실', nameEn: 'Education room' },
    ],
  },
  {
    code: 'zero-gravity-zone',
    nameKo: '무중력지대-영등포',
    nameEn: 'Zero Gravity Zone Yeongdeungpo (youth space)',
    address: '서울특별시 영등포구 당산로 235',
    floorAreaM2: '467',
    landAreaM2: '551',
    team: 'youth-support',
    notesKo: '2층은 열린공간으로 효율적 배치 (2019년 7월 개관 예정)',
    notesEn: 'The second floor is laid out as one open space (opening planned for July 2019)',
    floors: [],
    spaces: [
      { floor: 1, nameKo: '코워킹스페이스(공용공간)', nameEn: 'Co-working space (shared)' },
      { floor: 2, nameKo: '교육실', nameEn: 'Education room' },
      { floor: 2, nameKo: '1인미디어실', nameEn: 'One-person media studio' },
      { floor: 2, nameKo: '메이커스페이스', nameEn: 'Maker space' },
      { floor: 2, nameKo: '공유부엌', nameEn: 'Shared kitchen' },
    ],
  },
];

export const DEMO_VEHICLE = {
  code: 'vehicle-seoul-ev',
  kind: 'vehicle' as const,
  nameKo: '행정차량',
  nameEn: 'Administrative vehicle',
  model: '서울EV (중형승용)',
  registeredOn: '2017-06-20',
  purposeKo: '사회적경제 활동 지원 및 점검',
  purposeEn: 'Supporting social-economy activities and inspections',
};

export async function buildFacilities(tx: DbOrTx, organizationId: string): Promise<void> {
  for (const [i, f] of DEMO_FACILITIES.entries()) {
    const team = await teamId(tx, organizationId, f.team);
    await tx
      .insert(adminFacilities)
      .values({
        organizationId,
        code: f.code,
        nameKo: f.nameKo,
        nameEn: f.nameEn,
        address: f.address,
        floorAreaM2: f.floorAreaM2,
        landAreaM2: f.landAreaM2,
        teamId: team,
        notesKo: f.notesKo,
        notesEn: f.notesEn,
        position: i + 1,
      })
      .onConflictDoNothing();
    const [row] = await tx
      .select({ id: adminFacilities.id })
      .from(adminFacilities)
      .where(and(eq(adminFacilities.organizationId, organizationId), eq(adminFacilities.code, f.code)));
    if (f.floors.length > 0) {
      await tx
        .insert(adminFacilityFloors)
        .values(
          f.floors.map((fl) => ({ facilityId: row.id, organizationId, floor: fl.floor, areaM2: fl.areaM2 })),
        )
        .onConflictDoNothing();
    }
    await tx
      .insert(adminFacilitySpaces)
      .values(
        f.spaces.map((s, j) => ({
          facilityId: row.id,
          organizationId,
          position: j + 1,
          floor: s.floor,
          nameKo: s.nameKo,
          nameEn: s.nameEn,
        })),
      )
      .onConflictDoNothing();
  }
}

export async function buildEquipment(tx: DbOrTx, organizationId: string): Promise<void> {
  await tx
    .insert(adminEquipment)
    .values({ organizationId, ...DEMO_VEHICLE })
    .onConflictDoNothing();
}
