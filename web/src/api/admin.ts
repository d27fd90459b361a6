import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccessLogPage,
  AuditActions,
  AuditPage,
  OrganizationPatch,
  OrganizationSettings,
  RolesResult,
  UsersPage,
} from '../../../contracts/admin.ts';
import type { RoleName } from '../../../contracts/auth.ts';
import type { DevMailbox, DevMailItem } from '../../../contracts/notify.ts';
import { api } from './client.ts';

// Administration for admins (and the user list for staff): people and roles, the audit log, the
// personal-data access log, organization settings and the dev mailbox.
export type AdminUser = z.infer<typeof UsersPage>['items'][number];
export type AuditEntry = z.infer<typeof AuditPage>['items'][number];
export type AccessLogEntry = z.infer<typeof AccessLogPage>['items'][number];
export type OrganizationSettingsView = z.infer<typeof OrganizationSettings>;
export type MailItem = z.infer<typeof DevMailItem>;
export type Role = z.infer<typeof RoleName>;

const cursorPaging = {
  initialPageParam: '',
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
};

/** A search needs its reason (kept in the personal-data access log); listing without one does not. */
export const useAdminUsers = (filter: { q: string; reason: string }) =>
  useInfiniteQuery({
    queryKey: ['admin', 'users', filter],
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams();
      if (filter.q) {
        qs.set('q', filter.q);
        qs.set('reason', filter.reason);
      }
      if (pageParam) qs.set('cursor', pageParam);
      return api<z.infer<typeof UsersPage>>(`/api/v1/admin/users?${qs}`);
    },
    ...cursorPaging,
  });

export const grantRole = (userId: string, role: Role) =>
  api<z.infer<typeof RolesResult>>(`/api/v1/admin/users/${encodeURIComponent(userId)}/roles`, {
    method: 'POST',
    body: { role },
  });
export const revokeRole = (userId: string, role: Role) =>
  api<z.infer<typeof RolesResult>>(
    `/api/v1/admin/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(role)}`,
    { method: 'DELETE' },
  );

// The logs come in words of the reader's language: the language is part of the key.
export const useAuditLog = (action: string, language: string) =>
  useInfiniteQuery({
    queryKey: ['admin', 'audit', action, language],
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams();
      if (pageParam) qs.set('cursor', pageParam);
      if (action) qs.set('action', action);
      return api<z.infer<typeof AuditPage>>(`/api/v1/admin/audit?${qs}`);
    },
    ...cursorPaging,
  });

export const useAuditActions = (language: string) =>
  useQuery({
    queryKey: ['admin', 'audit-actions', language],
    queryFn: () => api<z.infer<typeof AuditActions>>('/api/v1/admin/audit/actions'),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useAccessLog = (language: string) =>
  useInfiniteQuery({
    queryKey: ['admin', 'access-log', language],
    queryFn: ({ pageParam }) =>
      api<z.infer<typeof AccessLogPage>>(
        `/api/v1/admin/personal-data-access-log${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    ...cursorPaging,
  });

export const organizationKey = ['admin', 'organization'];
export const useOrganizationSettings = () =>
  useQuery({
    queryKey: organizationKey,
    queryFn: () => api<OrganizationSettingsView>('/api/v1/admin/organization'),
  });
export const saveOrganizationSettings = (body: z.input<typeof OrganizationPatch>) =>
  api<OrganizationSettingsView>('/api/v1/admin/organization', { method: 'PATCH', body });

/** Emails kept when no SMTP server is configured; new ones arrive as the worker sends them. */
export const useDevMailbox = () =>
  useQuery({
    queryKey: ['admin', 'mailbox'],
    queryFn: () => api<z.infer<typeof DevMailbox>>('/api/v1/admin/dev-mailbox'),
    refetchInterval: 10_000,
  });
export const useDevMail = (id: string) =>
  useQuery({
    queryKey: ['admin', 'mailbox', id],
    queryFn: () => api<MailItem>(`/api/v1/admin/dev-mailbox/${encodeURIComponent(id)}`),
  });
