import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  ImportResult,
  PolicyCreateBody,
  PolicyDetail,
  PolicyPatchBody,
  PolicyRevisions,
  PolicyWorkflowStatus,
} from '../../../contracts/youth-policies.ts';
import type { AlertStats, StaffPolicyItem, StaffPolicyList } from '../../../contracts/youth-staff.ts';
import i18n from '../i18n/index.ts';
import { ApiError, api } from './client.ts';

// Staff pages of the youth service: the policy list in every state, authoring, import and alert statistics.
export type {
  AlertStats,
  ImportResult,
  PolicyCreateBody,
  PolicyDetail,
  PolicyWorkflowStatus,
  StaffPolicyItem,
};
export type PolicyRevision = z.infer<typeof PolicyRevisions>['items'][number];

export const EXPORT_URL = '/api/v1/youth/policies/export';
const policyPath = (id: string) => `/api/v1/youth/policies/${encodeURIComponent(id)}`;

export function useStaffPolicies(filters: { status: string; q: string; page: number }) {
  const params = new URLSearchParams({ page: String(filters.page), limit: '20' });
  if (filters.status) params.set('status', filters.status);
  if (filters.q) params.set('q', filters.q);
  return useQuery({
    queryKey: ['youth', 'staff', 'policies', filters],
    queryFn: () => api<StaffPolicyList>(`/api/v1/youth/staff/policies?${params}`),
    placeholderData: keepPreviousData,
  });
}

/** The policy as staff see it (any workflow state). */
export function useStaffPolicy(id: string | undefined) {
  const { i18n: current } = useTranslation();
  return useQuery({
    queryKey: ['youth', 'staff', 'policy', id, current.language],
    queryFn: () => api<PolicyDetail>(policyPath(id ?? '')),
    enabled: !!id,
    retry: false,
    // The editor restarts from each new version: never swap it under someone typing.
    refetchOnWindowFocus: false,
  });
}

export const useRevisions = (id: string) =>
  useQuery({
    queryKey: ['youth', 'staff', 'revisions', id],
    queryFn: () => api<{ items: PolicyRevision[] }>(`${policyPath(id)}/revisions`),
  });

export const createPolicy = (body: PolicyCreateBody) =>
  api<{ id: string }>('/api/v1/youth/policies', { method: 'POST', body });

export const patchPolicy = (id: string, body: PolicyPatchBody) =>
  api<{ ok: true }>(policyPath(id), { method: 'PATCH', body });

export const transitionPolicy = (id: string, to: PolicyWorkflowStatus) =>
  api<{ ok: true }>(`${policyPath(id)}/transition`, { method: 'POST', body: { to } });

export function useAlertStats(range: { from: string; to: string }) {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  return useQuery({
    queryKey: ['youth', 'staff', 'alert-stats', range],
    queryFn: () => api<AlertStats>(`/api/v1/youth/alerts/stats?${params}`),
    retry: false,
  });
}

/**
 * Sends a getPlcy file to the import route with XMLHttpRequest, the one browser API that reports
 * upload progress. `onUploaded` fires once the last byte is sent and the server starts importing.
 */
export function uploadImport(
  file: File,
  csrfToken: string | null,
  onProgress: (loaded: number, total: number) => void,
  onUploaded: () => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/youth/policies/import');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language || 'ko');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => onUploaded();
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('common.networkError')));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // a proxy's HTML error page: reported below as unexpected
      }
      if (xhr.status >= 200 && xhr.status < 300 && data) return resolve(data as ImportResult);
      const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)
        ?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? `http_${xhr.status}`,
          error?.message ?? i18n.t('common.unexpectedError'),
          error?.details,
        ),
      );
    };
    // The file goes as it is: the server reads the JSON, so we never parse 30 MB in the page.
    xhr.send(file);
  });
}
