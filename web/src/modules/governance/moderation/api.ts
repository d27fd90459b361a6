import { useQuery } from '@tanstack/react-query';
import type {
  DecisionBody,
  ModerationStatus,
  ModerationTarget,
  QueuePage,
  ReportBody,
  ReportResult,
} from '../../../../../contracts/governance-moderation.ts';
import { api } from '../../../api/client.ts';

// The moderation API (issue 11): a signed-in resident reports, staff work the queue and decide.
export type { ModerationTarget, QueuePage };

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
