import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  MyRegistration,
  Program,
  ProgramArea,
  ProgramKind,
  ProgramList,
} from '../../../../../contracts/booking-programs.ts';
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
  api<MyRegistration>(registration(id), { method: 'POST', body: birthDate ? { birthDate } : {} });

export const cancelRegistration = (id: string) => api<MyRegistration>(registration(id), { method: 'DELETE' });

export const confirmOffer = (id: string) =>
  api<MyRegistration>(`${registration(id)}/confirm`, { method: 'POST' });
