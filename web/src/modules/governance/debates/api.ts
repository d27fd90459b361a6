import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CloseDebateBody,
  Debate,
  DebateBody,
  DebateComment,
  DebateCommentBody,
  DebateCommentPage,
  DebatePage,
} from '../../../../../contracts/governance-debates.ts';
import { api } from '../../../api/client.ts';

// The debate API (issue 11): debates and their comments are public; commenting the signed-in
// person's; opening and closing debates staff's.
export type { Debate, DebateComment, DebateCommentPage, DebatePage };

const id = (s: string) => encodeURIComponent(s);
const BASE = '/api/v1/governance/debates';

export const debateKey = (debateId: string) => ['governance', 'debate', debateId] as const;
export const commentsKey = (debateId: string) => ['governance', 'debate-comments', debateId] as const;

export const useDebate = (debateId: string) =>
  useQuery({ queryKey: debateKey(debateId), queryFn: () => api<Debate>(`${BASE}/${id(debateId)}`) });

export const useDebateComments = (debateId: string) =>
  useInfiniteQuery({
    queryKey: commentsKey(debateId),
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '10' });
      if (pageParam) q.set('cursor', pageParam);
      return api<DebateCommentPage>(`${BASE}/${id(debateId)}/comments?${q}`);
    },
    initialPageParam: '',
    getNextPageParam: (last: DebateCommentPage) => last.nextCursor ?? undefined,
  });

export const useProcessDebates = (processId: string) =>
  useInfiniteQuery({
    queryKey: ['governance', 'debates', processId],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '5' });
      if (pageParam) q.set('cursor', pageParam);
      return api<DebatePage>(`/api/v1/governance/processes/${id(processId)}/debates?${q}`);
    },
    initialPageParam: '',
    getNextPageParam: (last: DebatePage) => last.nextCursor ?? undefined,
    enabled: processId !== '',
  });

export const addDebateComment = (debateId: string, body: DebateCommentBody) =>
  api<DebateComment>(`${BASE}/${id(debateId)}/comments`, { method: 'POST', body });

export const createDebate = (processId: string, body: DebateBody) =>
  api<Debate>(`/api/v1/governance/staff/processes/${id(processId)}/debates`, { method: 'POST', body });

export const closeDebate = (debateId: string, body: CloseDebateBody) =>
  api<Debate>(`/api/v1/governance/staff/debates/${id(debateId)}/close`, { method: 'PUT', body });
