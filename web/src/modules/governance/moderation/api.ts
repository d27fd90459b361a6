import { useQuery } from '@tanstack/react-query';
import type {
  AppealBody,
  AppealDecisionBody,
  DecisionBody,
  ModerationStatus,
  ModerationTarget,
  MyModerationItem,
  MyModerationPage,
  QueuePage,
  ReportBody,
  ReportResult,
} from '../../../../../contracts/governance-moderation.ts';
import { api } from '../../../api/client.ts';

// The moderation API (issue 11): a signed-in resident reports, staff work the queue and decide.
export type { ModerationTarget, MyModerationItem, QueuePage };

const STAFF = '/api/v1/governance/staff/moderation';
const id = (s: string) => encodeURIComponent(s);

export const report = (body: ReportBody) =>
  api<ReportResult>('/api/v1/governance/reports', { method: 'POST', body });

export const useModerationQueue = (cursor: string | undefined) =>
  useQuery({
    queryKey: ['governance', 'staff', 'moderation', cursor ?? ''],
    queryFn: () => api<QueuePage>(`${STAFF}?limit=10${cursor ? `&cursor=${id(cursor)}` : ''}`),
  });

export const decide = (targetType: ModerationTarget, targetId: string, body: DecisionBody) =>
  api<ModerationStatus>(`${STAFF}/${targetType}/${id(targetId)}`, { method: 'PUT', body });

/** The caller's own hidden or appealed posts (내 글 숨김 안내), all of them or those in one proposal. */
export const useMyHidden = (opts: { proposalId?: string; cursor?: string; enabled?: boolean }) =>
  useQuery({
    queryKey: ['governance', 'moderation', 'mine', opts.proposalId ?? '', opts.cursor ?? ''],
    enabled: opts.enabled ?? true,
    queryFn: () => {
      const q = new URLSearchParams({ limit: opts.proposalId ? '50' : '10' });
      if (opts.proposalId) q.set('proposalId', opts.proposalId);
      if (opts.cursor) q.set('cursor', opts.cursor);
      return api<MyModerationPage>(`/api/v1/governance/moderation/mine?${q}`);
    },
  });

export const appeal = (targetType: ModerationTarget, targetId: string, body: AppealBody) =>
  api<ModerationStatus>(`/api/v1/governance/moderation/${targetType}/${id(targetId)}/appeal`, {
    method: 'POST',
    body,
  });

export const decideAppeal = (targetType: ModerationTarget, targetId: string, body: AppealDecisionBody) =>
  api<ModerationStatus>(`${STAFF}/${targetType}/${id(targetId)}/appeal`, { method: 'PUT', body });
