import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Process, ProcessBody, ProcessList } from '../../../../../contracts/governance-processes.ts';
import type {
  AmendmentBody,
  AnswerBody,
  CommentBody,
  Proposal,
  ProposalBody,
  ProposalPage,
  SimilarList,
  SupportResult,
} from '../../../../../contracts/governance-proposals.ts';
import { api } from '../../../api/client.ts';

// The process and proposal API (issue 11): processes and proposals are public; proposing,
// supporting, commenting and amending the signed-in person's; processes and answers staff's.
export type { Process, Proposal, ProposalPage };

const PROCESSES = '/api/v1/governance/processes';
const PROPOSALS = '/api/v1/governance/proposals';
const id = (s: string) => encodeURIComponent(s);

export const useProcesses = () =>
  useQuery({ queryKey: ['governance', 'processes'], queryFn: () => api<ProcessList>(PROCESSES) });

export const useProcess = (processId: string) =>
  useQuery({
    queryKey: ['governance', 'process', processId],
    queryFn: () => api<Process>(`${PROCESSES}/${id(processId)}`),
    enabled: processId !== '',
  });

export interface ProposalFilters {
  category: string;
  status: string;
  sort: string;
  seed: string;
}

export const useProposals = (processId: string, f: ProposalFilters) =>
  useInfiniteQuery({
    queryKey: ['governance', 'proposals', processId, f],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ sort: f.sort, limit: '10' });
      if (f.category) q.set('category', f.category);
      if (f.status) q.set('status', f.status);
      if (f.sort === 'random') q.set('seed', f.seed);
      if (pageParam) q.set('cursor', pageParam);
      return api<ProposalPage>(`${PROCESSES}/${id(processId)}/proposals?${q}`);
    },
    initialPageParam: '',
    getNextPageParam: (last: ProposalPage) => last.nextCursor ?? undefined,
  });

export const useSimilar = (processId: string, title: string) =>
  useQuery({
    queryKey: ['governance', 'similar', processId, title],
    queryFn: () => api<SimilarList>(`${PROCESSES}/${id(processId)}/proposals/similar?title=${id(title)}`),
    enabled: title.length >= 2,
    staleTime: 30_000,
  });

export const useProposal = (proposalId: string) =>
  useQuery({
    queryKey: ['governance', 'proposal', proposalId],
    queryFn: () => api<Proposal>(`${PROPOSALS}/${id(proposalId)}`),
  });

export const createProposal = (processId: string, body: ProposalBody) =>
  api<Proposal>(`${PROCESSES}/${id(processId)}/proposals`, { method: 'POST', body });

/** The author edits their proposal (title, text, category, place). */
export const editProposal = (proposalId: string, body: ProposalBody) =>
  api<Proposal>(`${PROPOSALS}/${id(proposalId)}`, { method: 'PUT', body });

/** The author withdraws their proposal (철회). */
export const withdrawProposal = (proposalId: string) =>
  api<Proposal>(`${PROPOSALS}/${id(proposalId)}/withdraw`, { method: 'POST' });

export const setSupport = (proposalId: string, support: boolean) =>
  api<SupportResult>(`${PROPOSALS}/${id(proposalId)}/support`, { method: support ? 'PUT' : 'DELETE' });

export const addComment = (proposalId: string, body: CommentBody) =>
  api<Proposal>(`${PROPOSALS}/${id(proposalId)}/comments`, { method: 'POST', body });

export const proposeAmendment = (proposalId: string, body: AmendmentBody) =>
  api<Proposal>(`${PROPOSALS}/${id(proposalId)}/amendments`, { method: 'POST', body });

export const decideAmendment = (amendmentId: string, decision: 'accepted' | 'rejected') =>
  api<Proposal>(`/api/v1/governance/amendments/${id(amendmentId)}/decision`, {
    method: 'PUT',
    body: { decision },
  });

export const answerProposal = (proposalId: string, body: AnswerBody) =>
  api<Proposal>(`/api/v1/governance/staff/proposals/${id(proposalId)}/answer`, { method: 'PUT', body });

export const saveProcess = (processId: string | null, body: ProcessBody) =>
  processId
    ? api<Process>(`/api/v1/governance/staff/processes/${id(processId)}`, { method: 'PUT', body })
    : api<Process>('/api/v1/governance/staff/processes', { method: 'POST', body });
