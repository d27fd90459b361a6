import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Ok } from '../../../contracts/common.ts';
import type {
  NotificationList,
  NotificationPreferences,
  NotificationPreferencesBody,
  NotificationSettings,
  NotificationSettingsBody,
  PushSubscriptionBody,
  PushSubscriptionItem,
  PushSubscriptionList,
  UnreadCount,
  UnsubscribeResult,
  VapidPublicKey,
} from '../../../contracts/notify.ts';
import { api } from './client.ts';

// The bell and its list, per-kind channel preferences, delivery settings, Web Push devices, unsubscribe links.
export type NotificationItem = z.infer<typeof NotificationList>['items'][number];
export type NotificationPreference = z.infer<typeof NotificationPreferences>['items'][number];
export type NotificationSettingsView = z.infer<typeof NotificationSettings>;
export type PushDevice = z.infer<typeof PushSubscriptionItem>;
type OkView = z.infer<typeof Ok>;

export function useNotifications() {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: ['notifications', 'list', i18n.language],
    queryFn: ({ pageParam }) =>
      api<z.infer<typeof NotificationList>>(
        `/api/v1/notifications?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The unread count, checked every minute while the page is open. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api<z.infer<typeof UnreadCount>>('/api/v1/notifications/unread-count'),
    refetchInterval: 60_000,
    retry: false,
  });

export const markRead = (id: string) =>
  api<OkView>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
export const markAllRead = () => api<OkView>('/api/v1/notifications/read-all', { method: 'POST' });

export const preferencesKey = (language: string) => ['notification-preferences', language];
export function usePreferences() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: preferencesKey(i18n.language),
    queryFn: () => api<z.infer<typeof NotificationPreferences>>('/api/v1/me/notification-preferences'),
  });
}
export const savePreferences = (body: z.input<typeof NotificationPreferencesBody>) =>
  api<z.infer<typeof NotificationPreferences>>('/api/v1/me/notification-preferences', {
    method: 'PUT',
    body,
  });

export const settingsKey = ['notification-settings'];
export const useNotificationSettings = () =>
  useQuery({
    queryKey: settingsKey,
    queryFn: () => api<NotificationSettingsView>('/api/v1/me/notification-settings'),
  });
export const saveNotificationSettings = (body: z.input<typeof NotificationSettingsBody>) =>
  api<NotificationSettingsView>('/api/v1/me/notification-settings', { method: 'PUT', body });

export const pushDevicesKey = ['push-subscriptions'];
export const usePushDevices = () =>
  useQuery({
    queryKey: pushDevicesKey,
    queryFn: () => api<z.infer<typeof PushSubscriptionList>>('/api/v1/me/push-subscriptions'),
  });
export const pushPublicKey = () => api<z.infer<typeof VapidPublicKey>>('/api/v1/push/public-key');
export const addPushDevice = (body: z.input<typeof PushSubscriptionBody>) =>
  api<PushDevice>('/api/v1/me/push-subscriptions', { method: 'POST', body });
export const removePushDevice = (id: string) =>
  api<OkView>(`/api/v1/me/push-subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** What an unsubscribe link would stop; opening it changes nothing. */
export function useUnsubscribeTarget(token: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['unsubscribe', token, i18n.language],
    queryFn: () =>
      api<z.infer<typeof UnsubscribeResult>>(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`),
    enabled: token !== '',
    retry: false,
  });
}
export const unsubscribe = (token: string) =>
  api<z.infer<typeof UnsubscribeResult>>('/api/v1/unsubscribe', { method: 'POST', body: { token } });
