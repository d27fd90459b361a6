import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  Draw,
  MyRegistration,
  Program,
  ProgramArea,
  ProgramKind,
  ProgramList,
  RollCall,
  SessionCheckinResult,
  StaffRegistrationList,
  SurveyBody,
  SurveyResults,
} from '../../../../../contracts/booking-programs.ts';
import type { DrawList } from '../../../../../contracts/booking-programs-staff.ts';
import { api } from '../../../api/client.ts';

// The programs API (issue 10, sessions): the list and a program are public; registration is the
// signed-in person's own.
export type { MyRegistration, Program };

export function usePrograms(area: ProgramArea | '', kind: ProgramKind | '', cursor: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['booking', 'programs', area, kind, cursor, i18n.language],
    queryFn: () => {
      const q = new URLSearchParams({ limit: '20' });
      if (area) q.set('area', area);
      if (kind) q.set('kind', kind);
      if (cursor) q.set('cursor', cursor);
      return api<ProgramList>(`/api/v1/booking/programs?${q}`);
    },
  });
}

export function useProgram(id: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['booking', 'program', id, i18n.language],
    queryFn: () => api<Program>(`/api/v1/booking/programs/${encodeURIComponent(id)}`),
  });
}

export const useMyRegistrations = (enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: ['booking', 'registrations', 'mine'],
    queryFn: () => api<{ items: MyRegistration[] }>('/api/v1/booking/registrations/mine'),
  });

const registration = (id: string) => `/api/v1/booking/programs/${encodeURIComponent(id)}/registration`;

export const register = ({ id, birthDate }: { id: string; birthDate?: string }) =>
  api<MyRegistration>(registration(id), {
    method: 'POST',
    body: birthDate ? { birthDate } : {},
    idempotent: true,
  });

export const cancelRegistration = (id: string) => api<MyRegistration>(registration(id), { method: 'DELETE' });

export const confirmOffer = (id: string) =>
  api<MyRegistration>(`${registration(id)}/confirm`, { method: 'POST' });

// Staff: registrants (paged), a session's roll, marks, survey results; and the person's survey.
export function useStaffRegistrations(id: string, list: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['booking', 'staff', 'registrations', id, list, cursor],
    queryFn: () => {
      const q = new URLSearchParams({ list, limit: '20' });
      if (cursor) q.set('cursor', cursor);
      return api<StaffRegistrationList>(
        `/api/v1/booking/staff/programs/${encodeURIComponent(id)}/registrations?${q}`,
      );
    },
  });
}

const attendancePath = (id: string, sessionId: string) =>
  `/api/v1/booking/staff/programs/${encodeURIComponent(id)}/sessions/${encodeURIComponent(sessionId)}/attendance`;

export function useRollCall(id: string, sessionId: string, cursor: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['booking', 'staff', 'roll', id, sessionId, cursor, i18n.language],
    queryFn: () => {
      const q = new URLSearchParams({ limit: '50' });
      if (cursor) q.set('cursor', cursor);
      return api<RollCall>(`${attendancePath(id, sessionId)}?${q}`);
    },
  });
}

/** Staff mark a person present at this session by the code of their QR (scanned or typed). */
export const checkInToSession = ({ id, sessionId, code }: { id: string; sessionId: string; code: string }) =>
  api<SessionCheckinResult>(
    `/api/v1/booking/staff/programs/${encodeURIComponent(id)}/sessions/${encodeURIComponent(sessionId)}/check-in`,
    { method: 'POST', body: { code } },
  );

export const markAttendance = ({
  id,
  sessionId,
  marks,
}: {
  id: string;
  sessionId: string;
  marks: { registrationId: string; present: boolean }[];
}) =>
  api<{ present: number; absent: number }>(attendancePath(id, sessionId), {
    method: 'PUT',
    body: { marks },
  });

export const useSurveyResults = (id: string) =>
  useQuery({
    queryKey: ['booking', 'staff', 'survey', id],
    queryFn: () => api<SurveyResults>(`/api/v1/booking/staff/programs/${encodeURIComponent(id)}/survey`),
  });

export const answerSurvey = ({ id, body }: { id: string; body: SurveyBody }) =>
  api<{ ok: true }>(`/api/v1/booking/programs/${encodeURIComponent(id)}/survey`, { method: 'POST', body });

/** Every session of a program where the person holds a seat, as an iCalendar file (Korea time). */
export const calendarUrl = (id: string) => `/api/v1/booking/programs/${encodeURIComponent(id)}/calendar.ics`;
export const certificateUrl = (id: string) =>
  `/api/v1/booking/programs/${encodeURIComponent(id)}/certificate.pdf`;
export const staffCertificateUrl = (id: string, registrationId: string) =>
  `/api/v1/booking/staff/programs/${encodeURIComponent(id)}/registrations/${encodeURIComponent(registrationId)}/certificate.pdf`;

export function useStaffPrograms(cursor: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['booking', 'staff', 'programs', cursor, i18n.language],
    queryFn: () => {
      const q = new URLSearchParams({ past: 'true', limit: '20' });
      if (cursor) q.set('cursor', cursor);
      return api<ProgramList>(`/api/v1/booking/programs?${q}`);
    },
  });
}

// The lottery: the public draw (seed and order by registration), and for staff the order with
// masked names a page at a time, publishing the list digest, and the draw itself.
export const useDraw = (id: string, enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: ['booking', 'draw', id],
    queryFn: () => api<Draw>(`/api/v1/booking/programs/${encodeURIComponent(id)}/draw`),
  });

export function useDrawList(id: string, list: string, offset: string | undefined, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['booking', 'staff', 'draw', id, list, offset],
    // The facts and the list choice stay on screen while the next page loads.
    placeholderData: (previous) => previous,
    queryFn: () => {
      const q = new URLSearchParams({ list, limit: '20' });
      if (offset) q.set('offset', offset);
      return api<DrawList>(`/api/v1/booking/staff/programs/${encodeURIComponent(id)}/draw?${q}`);
    },
  });
}

export const publishDigest = (id: string) =>
  api<{ inputDigest: string; applicants: number }>(
    `/api/v1/booking/staff/programs/${encodeURIComponent(id)}/digest`,
    { method: 'POST' },
  );

export const runDraw = ({ id, seed }: { id: string; seed: string }) =>
  api<Draw>(`/api/v1/booking/staff/programs/${encodeURIComponent(id)}/draw`, {
    method: 'POST',
    body: { seed },
  });
