import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Ok } from '../../../contracts/common.ts';
import type { ConsentBody, DeleteAccountBody, MyConsents } from '../../../contracts/privacy.ts';
import { api } from './client.ts';

// My consents (their titles come in the page language) and deleting my account.
export type MyConsent = z.infer<typeof MyConsents>['items'][number];

export const consentsKey = (language: string) => ['consents', language];

export function useConsents() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: consentsKey(i18n.language),
    queryFn: () => api<z.infer<typeof MyConsents>>('/api/v1/me/consents'),
  });
}

export const setConsent = (purpose: string, body: z.input<typeof ConsentBody>) =>
  api<z.infer<typeof MyConsents>>(`/api/v1/me/consents/${encodeURIComponent(purpose)}`, {
    method: 'PUT',
    body,
  });

export const deleteAccount = (body: z.input<typeof DeleteAccountBody>) =>
  api<z.infer<typeof Ok>>('/api/v1/me/delete', { method: 'POST', body });
