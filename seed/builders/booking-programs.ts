import { and, eq } from 'drizzle-orm';
import type { ProgramArea, ProgramKind, RegistrationMode } from '../../contracts/booking-programs.ts';
import {
  bookingAttendance,
  bookingProgramSessions,
  bookingPrograms,
  bookingRegistrations,
  bookingSurveys,
} from '../../server/modules/booking/programs/tables.ts';
import { bookingResources } from '../../server/modules/booking/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { addDays, todayInSeoul } from '../../server/platform/time/index.ts';

// The 2019 work report's courses and events as SAMPLE programs (is_sample), dated from the day the
// demo is loaded so there is always one open, one full with a waiting list and one past: the youth
// IT courses, the employment academy (a lottery), the ICT job fair, the social-economy briefings,
// education, quarterly network meetings, seminar and festival, and the governance town hall and forum.
// Sample registrations belong to no real person.

interface DemoSession {
  /** Days from the load day, start hour and length in hours (Korea time). */
  day: number;
  hour: number;
  hours: number;
  /** A booking resource's code, an address, or online. */
  room?: string;
  address?: string;
  online?: boolean;
}
interface DemoProgram {
  code: string;
  area: ProgramArea;
  kind: ProgramKind;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  minAge?: number;
  maxAge?: number;
  residentsOnly?: boolean;
  mode?: RegistrationMode;
  /** Registration window in days from the load day. */
  opens: number;
  closes: number;
  capacity: number;
  completionPercent?: number;
  sessions: DemoSession[];
  /** Sample registrations: how many confirmed and how many waiting. */
  confirmed?: number;
  waiting?: number;
  /** A past course: roll called at every session, with a few absences, and sample survey answers. */
  attended?: boolean;
  /** A held meeting's published minutes (shown on its page), put up the day after its last session. */
  minutes?: string;
}

const weekly = (from: number, count: number, hour: number, hours: number, room: string): DemoSession[] =>
  Array.from({ length: count }, (_, i) => ({ day: from + 7 * i, hour, hours, room }));
const YOUTH_AGES = { minAge: 18, maxAge: 39 };
const GU_OFFICE = '서울특별시 영등포구 당산로 123 (영등포구청)';

export const DEMO_PROGRAMS: DemoProgram[] = [
  {
    code: 'youth-media-creator-2019',
    area: 'youth',
    kind: 'course',
    titleKo: '1인미디어 크리에이터 양성 과정',
    titleEn: 'One-person media creator course',
    descriptionKo:
      '경쟁력 있는 1인미디어 창작자를 발굴하고 육성합니다. 기획, 촬영, 편집, 채널 운영을 배웁니다.',
    descriptionEn:
      'Finds and trains one-person media creators: planning, filming, editing and running a channel.',
    ...YOUTH_AGES,
    opens: -3,
    closes: 10,
    capacity: 20,
    completionPercent: 80,
    sessions: weekly(14, 6, 19, 2, 'zgz-media-studio'),
    confirmed: 6,
  },
  {
    code: 'youth-big-data-2019',
    area: 'youth',
    kind: 'course',
    titleKo: '빅데이터 분석 전문가 양성 과정',
    titleEn: 'Big-data analyst course',
    descriptionKo:
      '빅데이터 분석과 활용 교육으로 전문 인재를 양성합니다. 정원이 찼으며 대기 신청을 받습니다.',
    descriptionEn:
      'Trains data analysts in analysing and using big data. It is full; you can join the waiting list.',
    ...YOUTH_AGES,
    opens: -10,
    closes: 5,
    capacity: 15,
    completionPercent: 80,
    sessions: weekly(9, 8, 19, 3, 'zgz-education'),
    confirmed: 15,
    waiting: 4,
  },
  {
    code: 'youth-vr-content-2019',
    area: 'youth',
    kind: 'course',
    titleKo: 'VR 콘텐츠 기획 및 제작 전문인력 양성 과정',
    titleEn: 'VR content planning and production course',
    descriptionKo: 'VR 핵심 기술 교육으로 취·창업을 지원합니다. 지난 기수의 과정입니다.',
    descriptionEn: 'Core VR skills for jobs and start-ups. This intake has finished.',
    ...YOUTH_AGES,
    opens: -75,
    closes: -50,
    capacity: 12,
    completionPercent: 80,
    sessions: weekly(-45, 6, 19, 3, 'zgz-maker-space'),
    confirmed: 12,
    attended: true,
  },
  {
    code: 'youth-job-academy-2019',
    area: 'youth',
    kind: 'academy',
    titleKo: '청년 취·창업 아카데미',
    titleEn: 'Youth employment and start-up academy',
    descriptionKo:
      'NCS 기반 자기소개서, 모의 면접 컨설팅, 진로·적성검사, 핀테크·웹/앱 코딩 교육과 멘토링을 합니다. 신청자가 많아 추첨으로 선정합니다.',
    descriptionEn:
      'NCS-based cover letters, mock interviews, career and aptitude tests, fintech and web/app coding, and mentoring. Places are drawn by lottery.',
    ...YOUTH_AGES,
    mode: 'lottery',
    opens: -2,
    closes: 7,
    capacity: 25,
    completionPercent: 70,
    sessions: weekly(12, 4, 14, 3, 'yas-education'),
  },
  {
    code: 'youth-ict-job-fair-2019',
    area: 'youth',
    kind: 'job_fair',
    titleKo: 'IT 기업과 함께하는 ICT 취업박람회',
    titleEn: 'ICT job fair with IT companies',
    descriptionKo: 'IT 기업의 채용 상담과 현장 면접이 열립니다.',
    descriptionEn: 'Recruitment talks and on-the-spot interviews with IT companies.',
    opens: -5,
    closes: 20,
    capacity: 300,
    sessions: [{ day: 21, hour: 10, hours: 7, address: GU_OFFICE }],
  },
  {
    code: 'se-briefing-2019-1',
    area: 'social-economy',
    kind: 'briefing',
    titleKo: '사회적경제기업 통합 사업설명회 (상반기)',
    titleEn: 'Social economy programmes briefing (first half)',
    descriptionKo: '사회적경제기업 발굴과 유치를 위한 지원사업을 한자리에서 안내합니다.',
    descriptionEn: 'The support programmes for social economy enterprises, presented together.',
    opens: -20,
    closes: -2,
    capacity: 40,
    sessions: [{ day: -1, hour: 14, hours: 2, room: 'sec-education' }],
    confirmed: 31,
  },
  {
    code: 'se-briefing-2019-2',
    area: 'social-economy',
    kind: 'briefing',
    titleKo: '사회적경제기업 통합 사업설명회 (하반기)',
    titleEn: 'Social economy programmes briefing (second half)',
    descriptionKo: '하반기 지원사업을 안내합니다.',
    descriptionEn: 'The support programmes of the second half of the year.',
    opens: -1,
    closes: 25,
    capacity: 40,
    sessions: [{ day: 27, hour: 14, hours: 2, room: 'sec-education' }],
    confirmed: 3,
  },
  {
    code: 'se-education-2019',
    area: 'social-economy',
    kind: 'education',
    titleKo: '주민·공무원·위탁시설 직원 사회적경제 교육 및 컨설팅',
    titleEn: 'Social economy training and consulting for residents, officials and centre staff',
    descriptionKo: '사회적경제의 이해와 기업 운영 컨설팅을 6회에 걸쳐 진행합니다.',
    descriptionEn: 'Six sessions on understanding the social economy, with consulting for enterprises.',
    opens: -7,
    closes: 12,
    capacity: 30,
    sessions: weekly(13, 6, 15, 2, 'sec-education'),
  },
  {
    code: 'se-network-2019',
    area: 'social-economy',
    kind: 'network_meeting',
    titleKo: '마을·협치·복지·도시재생 조직 정기 회의 (분기 1회)',
    titleEn: 'Quarterly meeting of village, governance, welfare and urban regeneration groups',
    descriptionKo: '관련 조직이 분기마다 모여 지역 문제를 함께 다룹니다.',
    descriptionEn: 'The related organisations meet every quarter to work on local issues together.',
    opens: -30,
    closes: 300,
    capacity: 20,
    sessions: [0, 91, 182, 273].map((d) => ({ day: d + 8, hour: 16, hours: 2, room: 'sec-meeting' })),
  },
  {
    code: 'se-seminar-2019',
    area: 'social-economy',
    kind: 'seminar',
    titleKo: '지역 맞춤 사회적경제 활성화 세미나',
    titleEn: 'Seminar on a social economy suited to the district',
    descriptionKo: '지역에 맞는 사회적경제 활성화 방안을 나눕니다.',
    descriptionEn: 'Ways to grow a social economy that fits the district.',
    opens: -4,
    closes: 30,
    capacity: 60,
    sessions: [{ day: 32, hour: 14, hours: 3, room: 'sec-book-cafe', online: true }],
  },
  {
    code: 'se-festival-2019',
    area: 'social-economy',
    kind: 'festival',
    titleKo: '사회적경제 한마당 축제',
    titleEn: 'Social economy festival',
    descriptionKo: '주민과 함께하는 사회적경제 한마당입니다. 판매 부스와 체험 행사가 열립니다.',
    descriptionEn: 'A festival of the social economy with residents: stalls and hands-on activities.',
    opens: -10,
    closes: 40,
    capacity: 500,
    sessions: [{ day: 41, hour: 11, hours: 6, address: GU_OFFICE }],
  },
  {
    code: 'gov-town-hall-2019',
    area: 'governance',
    kind: 'town_hall',
    titleKo: '지역사회혁신계획 타운홀미팅',
    titleEn: 'Town hall on the community innovation plan',
    descriptionKo: '구민이 모여 지역사회 의제를 찾고 실행사업을 함께 정합니다.',
    descriptionEn: 'Residents meet to find local issues and choose the projects to carry out.',
    residentsOnly: true,
    opens: -6,
    closes: 15,
    capacity: 100,
    sessions: [{ day: 16, hour: 19, hours: 2, address: GU_OFFICE }],
    confirmed: 42,
  },
  {
    code: 'gov-communication-meeting-2019',
    area: 'governance',
    kind: 'network_meeting',
    titleKo: '협치사업 부서 간 소통간담회',
    titleEn: 'Cross-department meeting on the governance projects',
    descriptionKo: '협치사업을 맡은 부서와 실무협의체 위원이 모여 진행 상황과 어려움을 나눕니다.',
    descriptionEn:
      'Departments and working-group members of the governance projects share progress and problems.',
    opens: -30,
    closes: -15,
    capacity: 40,
    sessions: [{ day: -14, hour: 14, hours: 2, address: GU_OFFICE }],
    confirmed: 26,
    minutes:
      '예시 자료입니다.\n참석: 8개 부서 담당자와 실무협의체 위원 26명\n1. 10개 협치사업의 2분기 진행 상황을 공유했습니다.\n2. 회의실이 부족하다는 의견에 따라 구청 별관 회의실을 실무협의체가 먼저 예약할 수 있게 하기로 했습니다.\n3. 다음 간담회는 3분기 말에 엽니다.',
  },
  {
    code: 'gov-forum-2019',
    area: 'governance',
    kind: 'forum',
    titleKo: '민관협치 포럼',
    titleEn: 'Public–private governance forum',
    descriptionKo: '민관협치 3개년 기본계획을 함께 논의합니다. 온라인으로도 참여할 수 있습니다.',
    descriptionEn: 'Discussing the three-year governance plan together; you can also join online.',
    opens: -2,
    closes: 22,
    capacity: 80,
    sessions: [{ day: 23, hour: 15, hours: 2, address: GU_OFFICE, online: true }],
  },
];

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+09:00`);

export async function buildBookingPrograms(tx: DbOrTx, organizationId: string): Promise<void> {
  const today = todayInSeoul();
  const rooms = new Map(
    (
      await tx
        .select({ id: bookingResources.id, code: bookingResources.code })
        .from(bookingResources)
        .where(eq(bookingResources.organizationId, organizationId))
    ).map((r) => [r.code, r.id]),
  );
  for (const p of DEMO_PROGRAMS) {
    const [had] = await tx
      .select({ id: bookingPrograms.id })
      .from(bookingPrograms)
      .where(and(eq(bookingPrograms.organizationId, organizationId), eq(bookingPrograms.code, p.code)));
    if (had) continue;
    const [{ id }] = await tx
      .insert(bookingPrograms)
      .values({
        organizationId,
        code: p.code,
        area: p.area,
        kind: p.kind,
        titleKo: p.titleKo,
        titleEn: p.titleEn,
        descriptionKo: p.descriptionKo,
        descriptionEn: p.descriptionEn,
        minAge: p.minAge ?? null,
        maxAge: p.maxAge ?? null,
        residentsOnly: p.residentsOnly ?? false,
        mode: p.mode ?? 'first_come',
        opensAt: at(addDays(today, p.opens), 10),
        closesAt: at(addDays(today, p.closes), 18),
        capacity: p.capacity,
        completionPercent: p.completionPercent ?? null,
        minutes: p.minutes ?? null,
        minutesPublishedAt: p.minutes
          ? at(addDays(today, Math.max(...p.sessions.map((s) => s.day)) + 1), 10)
          : null,
        isSample: true,
      })
      .returning({ id: bookingPrograms.id });
    const sessions = await tx
      .insert(bookingProgramSessions)
      .values(
        p.sessions.map((s) => {
          const day = addDays(today, s.day);
          return {
            organizationId,
            programId: id,
            startsAt: at(day, s.hour),
            endsAt: at(day, s.hour + s.hours),
            resourceId: (s.room && rooms.get(s.room)) || null,
            address: s.address ?? '',
            online: s.online ?? false,
          };
        }),
      )
      .returning({ id: bookingProgramSessions.id });
    const sample = [
      ...Array.from({ length: p.confirmed ?? 0 }, () => ({
        status: 'confirmed' as const,
        queueNumber: null,
      })),
      ...Array.from({ length: p.waiting ?? 0 }, (_, i) => ({
        status: 'waiting' as const,
        queueNumber: i + 1,
      })),
    ];
    if (sample.length === 0) continue;
    const regs = await tx
      .insert(bookingRegistrations)
      .values(sample.map((r) => ({ organizationId, programId: id, userId: null, ...r })))
      .returning({ id: bookingRegistrations.id });
    if (p.attended) await attendSample(tx, organizationId, id, sessions, regs);
  }
}

const SAMPLE_COMMENTS = [
  '실습 시간이 넉넉해서 좋았습니다.',
  '장비가 조금 더 있으면 좋겠습니다.',
  '',
  '다음 기수에도 추천하고 싶습니다.',
];

/** Every session's roll (person i misses session j when (i + j) is a multiple of 5), and survey answers. */
async function attendSample(
  tx: DbOrTx,
  organizationId: string,
  programId: string,
  sessions: { id: string }[],
  regs: { id: string }[],
) {
  await tx.insert(bookingAttendance).values(
    sessions.flatMap((s, j) =>
      regs.map((r, i) => ({
        organizationId,
        sessionId: s.id,
        registrationId: r.id,
        present: (i + j) % 5 !== 0,
      })),
    ),
  );
  await tx.insert(bookingSurveys).values(
    regs.slice(0, 8).map((r, i) => ({
      organizationId,
      programId,
      registrationId: r.id,
      overall: [5, 4, 5, 3, 4, 5, 4, 2][i],
      recommend: i !== 7,
      comment: SAMPLE_COMMENTS[i % SAMPLE_COMMENTS.length],
    })),
  );
}
