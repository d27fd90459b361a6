import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './client.ts';
import type { Budget, EnterpriseSummary, Facilities, Notice, Plan, Staffing } from './types.ts';

// Public records every visitor sees. Keyed by language where the server answers in it.
export const DEMO_YEAR = 2019;

export function usePlan(year = DEMO_YEAR) {
  return useQuery({
    queryKey: ['public', 'plan', year],
    queryFn: () => api<Plan>(`/api/v1/administration/plan?year=${year}`),
  });
}
export function useBudget(year = DEMO_YEAR) {
  return useQuery({
    queryKey: ['public', 'budget', year],
    queryFn: () => api<Budget>(`/api/v1/administration/budget?year=${year}`),
  });
}
export function useStaffing(year = DEMO_YEAR) {
  return useQuery({
    queryKey: ['public', 'staffing', year],
    queryFn: () => api<Staffing>(`/api/v1/administration/staffing?year=${year}`),
  });
}
export function useFacilities() {
  return useQuery({
    queryKey: ['public', 'facilities'],
    queryFn: () => api<Facilities>('/api/v1/administration/facilities'),
  });
}
export function useEnterpriseSummary() {
  return useQuery({
    queryKey: ['public', 'enterprise-summary'],
    queryFn: () => api<EnterpriseSummary>('/api/v1/social-economy/enterprises/summary'),
  });
}
export function usePublicOrganization() {
  return useQuery({
    queryKey: ['public', 'organization'],
    queryFn: () => api<{ name: { ko: string; en: string } }>('/api/v1/administration/organization'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useNotices() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['notices', i18n.language],
    queryFn: () => api<{ items: Notice[] }>('/api/v1/privacy/notices'),
  });
}
export function useOidc() {
  return useQuery({
    queryKey: ['public', 'oidc'],
    queryFn: async () => {
      try {
        return await api<{ enabled: boolean; name?: string }>('/api/v1/auth/oidc');
      } catch {
        return { enabled: false };
      }
    },
  });
}

/** Which area a plan item or budget unit belongs to, from its Korean name (the report's own wording). */
export function areaOf(nameKo: string, team?: unknown): 'youth' | 'governance' | 'social-economy' {
  for (const text of [nameKo, typeof team === 'string' ? team : JSON.stringify(team ?? '')]) {
    if (text.includes('청년')) return 'youth';
    if (text.includes('협치')) return 'governance';
    if (text.includes('사회적경제')) return 'social-economy';
  }
  return 'social-economy';
}
