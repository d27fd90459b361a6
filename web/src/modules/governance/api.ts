import { useQuery } from '@tanstack/react-query';
import type {
  Deliberation,
  DeliberationList,
  ModerationBody,
  ModerationQueue,
  NextStatement,
  OpinionMap,
  StatementBody,
  SubmittedStatement,
  VoteChoice,
} from '../../../../contracts/governance-deliberations.ts';
import { api } from '../../api/client.ts';

// The deliberation API (issue 11): deliberations and maps are public, votes and statements the
// signed-in person's, moderation staff's.
export type { Deliberation, ModerationQueue, NextStatement, OpinionMap, VoteChoice };

const BASE = '/api/v1/governance/deliberations';
const id = (s: string) => encodeURIComponent(s);

export const useDeliberations = () =>
  useQuery({ queryKey: ['governance', 'deliberations'], queryFn: () => api<DeliberationList>(BASE) });

export const useDeliberation = (deliberationId: string) =>
  useQuery({
    queryKey: ['governance', 'deliberation', deliberationId],
    queryFn: () => api<Deliberation>(`${BASE}/${id(deliberationId)}`),
  });

export const useOpinionMap = (deliberationId: string) =>
  useQuery({
    queryKey: ['governance', 'map', deliberationId],
    queryFn: () => api<OpinionMap>(`${BASE}/${id(deliberationId)}/map`),
  });

export const useNextStatement = (deliberationId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['governance', 'next', deliberationId],
    queryFn: () => api<NextStatement>(`${BASE}/${id(deliberationId)}/next`),
    enabled,
  });

export const castVote = (deliberationId: string, statementId: string, vote: VoteChoice) =>
  api<NextStatement>(`${BASE}/${id(deliberationId)}/votes`, { method: 'POST', body: { statementId, vote } });

export const submitStatement = (deliberationId: string, body: StatementBody) =>
  api<SubmittedStatement>(`${BASE}/${id(deliberationId)}/statements`, { method: 'POST', body });

export const useModerationQueue = () =>
  useQuery({
    queryKey: ['governance', 'staff', 'statements'],
    queryFn: () => api<ModerationQueue>('/api/v1/governance/staff/statements'),
  });

export const moderate = (statementId: string, body: ModerationBody) =>
  api<SubmittedStatement>(`/api/v1/governance/staff/statements/${id(statementId)}/moderation`, {
    method: 'PUT',
    body,
  });
