import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  BudgetView,
  FacilitiesView,
  OrganizationView,
  PlanView,
  StaffingView,
} from '../../../contracts/administration.ts';
import type { InstalledModulesView } from '../../../contracts/modules.ts';
import type { OidcInfoView } from '../../../contracts/oidc.ts';
import type { PrivacyNotices } from '../../../contracts/privacy.ts';
import type { EnterpriseSummary } from '../../../contracts/social-economy.ts';
import { api } from './client.ts';

export type PrivacyNotice = z.infer<typeof PrivacyNotices>['items'][number];
export type PlanItem = PlanView['items'][number];

// Public records every visitor sees. Keyed by language where the server answers in it.
export const DEMO_YEAR = 2019;

// The queries a page's first screen needs are options objects, so that page-data.ts can ask them
// while the page's code is still loading.
export const planQuery = (year = DEMO_YEAR) =>
  queryOptions({
    queryKey: ['public', 'plan', year],
    queryFn: () => api<PlanView>(`/api/v1/administration/plan?year=${year}`),
  });
export const budgetQuery = (year = DEMO_YEAR) =>
  queryOptions({
    queryKey: ['public', 'budget', year],
    queryFn: () => api<BudgetView>(`/api/v1/administration/budget?year=${year}`),
  });
export const usePlan = (year = DEMO_YEAR) => useQuery(planQuery(year));
export const useBudget = (year = DEMO_YEAR) => useQuery(budgetQuery(year));
export function useStaffing(year = DEMO_YEAR) {
  return useQuery({
    queryKey: ['public', 'staffing', year],
    queryFn: () => api<StaffingView>(`/api/v1/administration/staffing?year=${year}`),
  });
}
export function useFacilities() {
  return useQuery({
    queryKey: ['public', 'facilities'],
    queryFn: () => api<FacilitiesView>('/api/v1/administration/facilities'),
  });
}
export function useEnterpriseSummary() {
  return useQuery({
    queryKey: ['public', 'enterprise-summary'],
    queryFn: () => api<EnterpriseSummary>('/api/v1/social-economy/enterprises/summary'),
  });
}
/** The district modules installed on this server: a promised service links to its page once its module is here. */
export const installedModulesQuery = queryOptions({
  queryKey: ['public', 'modules'],
  queryFn: () => api<InstalledModulesView>('/api/v1/modules'),
  staleTime: Number.POSITIVE_INFINITY,
});
export const useInstalledModules = () => useQuery(installedModulesQuery);
export const organizationQuery = queryOptions({
  queryKey: ['public', 'organization'],
  queryFn: () => api<OrganizationView>('/api/v1/administration/organization'),
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});
export const usePublicOrganization = () => useQuery(organizationQuery);

export function useNotices() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['notices', i18n.language],
    queryFn: () => api<z.infer<typeof PrivacyNotices>>('/api/v1/privacy/notices'),
  });
}
export function useOidc() {
  return useQuery({
    queryKey: ['public', 'oidc'],
    queryFn: async (): Promise<OidcInfoView> => {
      try {
        return await api<OidcInfoView>('/api/v1/auth/oidc');
      } catch {
        return { enabled: false };
      }
    },
  });
}

/** Which area a plan item or budget unit belongs to, from its Korean name (the report's own wording). */
export function areaOf(
  nameKo: string,
  team?: { nameKo: string } | null,
): 'youth' | 'governance' | 'social-economy' {
  for (const text of [nameKo, team?.nameKo ?? '']) {
    if (text.includes('청년')) return 'youth';
    if (text.includes('협치')) return 'governance';
    if (text.includes('사회적경제')) return 'social-economy';
  }
  return 'social-economy';
}
