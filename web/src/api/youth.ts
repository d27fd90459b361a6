import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Ok } from '../../../contracts/common.ts';
import type { MyConsents } from '../../../contracts/privacy.ts';
import type {
  AlertList as AlertListSchema,
  Alert as AlertSchema,
  FollowBody,
  FollowList as FollowListSchema,
  Follow as FollowSchema,
} from '../../../contracts/youth-alerts.ts';
import type {
  EligibilityCheckInput,
  EligibilityCheckResult,
  PolicyForMe,
  RuleExplanation as RuleExplanationSchema,
  YouthProfile,
  YouthProfileBody,
  YouthProfileState,
} from '../../../contracts/youth-eligibility.ts';
import type { ApplyStatus, PolicyDetail, PolicyList } from '../../../contracts/youth-policies.ts';
import { api } from './client.ts';

// The youth-policy API as agreed for issue 3 (list, detail, self-check, profile, policies for me).

export type PolicyStatus = ApplyStatus;
export type PolicyListItem = PolicyList['items'][number];
export type { PolicyDetail };

export interface PolicyListFilters {
  q: string;
  field: string;
  region: string;
  status: string;
  sort: string;
}

export type RuleExplanation = z.infer<typeof RuleExplanationSchema>;
export type EligibilityItem = z.infer<typeof PolicyForMe>;
export type { YouthProfile, YouthProfileBody };
export type YouthProfileView = z.infer<typeof YouthProfileState>;

/** The self-check body from a saved profile: the stored-only fields left out, nulls meaning "not said". */
export function checkBodyOf(p: YouthProfile): EligibilityCheckInput {
  return {
    birthDate: p.birthDate,
    regionCode: p.regionCode,
    employment: p.employment,
    education: p.education,
    major: p.major,
    specialGroups: p.specialGroups,
    married: p.married,
    annualIncome: p.annualIncome,
  };
}

function listPath(filters: PolicyListFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', '20');
  return `/api/v1/youth/policies?${params}`;
}

// Options objects, so that page-data.ts can ask a page's first answer while its code loads.
export const policyListQuery = (filters: PolicyListFilters, language: string) =>
  infiniteQueryOptions({
    queryKey: ['public', 'youth-policies', filters, language],
    queryFn: ({ pageParam }) => api<PolicyList>(listPath(filters, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const policyQuery = (id: string, language: string) =>
  queryOptions({
    queryKey: ['public', 'youth-policy', id, language],
    queryFn: () => api<PolicyDetail>(`/api/v1/youth/policies/${encodeURIComponent(id)}`),
    retry: false,
  });

export const POLICY_FILTER_KEYS = ['q', 'field', 'region', 'status', 'sort'] as const;

/** The list's filters from the address, so a search can be shared and the back button works. */
export function policyFiltersFrom(params: URLSearchParams): PolicyListFilters {
  const f = { q: '', field: '', region: '', status: '', sort: '' };
  for (const key of POLICY_FILTER_KEYS) f[key] = params.get(key)?.trim() ?? '';
  return f;
}

export function usePolicyList(filters: PolicyListFilters) {
  const { i18n } = useTranslation();
  return useInfiniteQuery(policyListQuery(filters, i18n.language));
}

export function usePolicy(id: string) {
  const { i18n } = useTranslation();
  return useQuery(policyQuery(id, i18n.language));
}

/** One page of the policies that fit (newest first), and how many fit in all. */
export function checkEligibility(body: EligibilityCheckInput) {
  return api<EligibilityCheckResult>('/api/v1/youth/eligibility-check', { method: 'POST', body });
}

/**
 * The self-check's pages for the answers last submitted (null: nothing submitted yet), with its
 * filters in the body. Nothing is kept once the page is left (gcTime 0): the answers are the
 * person's own. "Policies for me" asks the same with the saved profile, under the 'youth' key so
 * that signing out drops it.
 */
export function useSelfCheck(
  body: EligibilityCheckInput | null,
  scope: 'public' | 'youth' = 'public',
  /** Each submitted search asks anew, even with the same answers. */
  search = 0,
) {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: [scope, 'youth-self-check', body, search, i18n.language],
    queryFn: ({ pageParam }) =>
      checkEligibility({ ...(body as EligibilityCheckInput), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: body !== null,
    gcTime: 0,
    retry: false,
    // A new filter keeps the last answer on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

/** The signed-in person's profile; keyed under 'youth' so sign-out and consent changes drop it. */
export function useYouthProfile(enabled = true) {
  return useQuery({
    queryKey: ['youth', 'profile'],
    queryFn: () => api<YouthProfileView>('/api/v1/youth/profile'),
    enabled,
  });
}

/** Whether one policy fits the saved profile: the self-check asked about that policy alone. */
export function useEligibilityForProfile(profile: YouthProfile | null | undefined, policyId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['youth', 'eligibility', profile, policyId, i18n.language],
    queryFn: () => checkEligibility({ ...checkBodyOf(profile as YouthProfile), policyId }),
    enabled: !!profile,
  });
}

export function saveYouthProfile(body: YouthProfileBody) {
  return api<YouthProfileView>('/api/v1/youth/profile', { method: 'PUT', body });
}

export function deleteYouthProfile() {
  return api<z.infer<typeof Ok>>('/api/v1/youth/profile', { method: 'DELETE' });
}

export function setYouthConsent(granted: boolean) {
  return api<z.infer<typeof MyConsents>>('/api/v1/me/consents/youth_profile', {
    method: 'PUT',
    body: { granted },
  });
}

// Follows (관심 등록) and my alerts. Keyed under 'youth' so signing out drops them.
export type Follow = z.infer<typeof FollowSchema>;
export type YouthAlert = z.infer<typeof AlertSchema>;
type FollowList = z.infer<typeof FollowListSchema>;
type AlertList = z.infer<typeof AlertListSchema>;

export type { FollowBody };

export function useFollows(enabled = true) {
  return useQuery({
    queryKey: ['youth', 'follows'],
    queryFn: () => api<FollowList>('/api/v1/youth/follows'),
    enabled,
  });
}

export function addFollow(body: FollowBody) {
  return api<Follow>('/api/v1/youth/follows', { method: 'POST', body });
}

export function removeFollow(id: string) {
  return api<z.infer<typeof Ok>>(`/api/v1/youth/follows/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useMyAlerts() {
  return useInfiniteQuery({
    queryKey: ['youth', 'alerts'],
    queryFn: ({ pageParam }) =>
      api<AlertList>(`/api/v1/youth/alerts?limit=20${pageParam ? `&cursor=${pageParam}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The .ics file of a policy's application deadlines (public). */
export const deadlineCalendarUrl = (policyId: string) =>
  `/api/v1/youth/policies/${encodeURIComponent(policyId)}/deadline.ics`;
