import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Ballot,
  BallotBody,
  Poll,
  PollBody,
  PollList,
  PollResults,
  StaffPoll,
  StaffPollList,
} from '../../../../../contracts/governance-polls.ts';
import { api } from '../../../api/client.ts';

// The poll API (issue 11): polls and visible results are public, a ballot the signed-in person's,
// making and closing polls staff's.
export type { Poll, PollBody, PollList, PollResults, StaffPoll };

const BASE = '/api/v1/governance/polls';
const STAFF = '/api/v1/governance/staff/polls';
const id = (s: string) => encodeURIComponent(s);

export const usePolls = (state: 'open' | 'closed') =>
  useInfiniteQuery({
    queryKey: ['governance', 'polls', state],
    queryFn: ({ pageParam }) =>
      api<PollList>(`${BASE}?state=${state}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last: PollList) => last.nextCursor ?? undefined,
  });

export const usePoll = (pollId: string) =>
  useQuery({ queryKey: ['governance', 'poll', pollId], queryFn: () => api<Poll>(`${BASE}/${id(pollId)}`) });

export const usePollResults = (pollId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['governance', 'poll-results', pollId],
    queryFn: () => api<PollResults>(`${BASE}/${id(pollId)}/results`),
    enabled,
  });

export const castBallot = (pollId: string, body: BallotBody) =>
  api<Ballot>(`${BASE}/${id(pollId)}/ballot`, { method: 'POST', body });

export const useStaffPolls = () =>
  useQuery({ queryKey: ['governance', 'staff', 'polls'], queryFn: () => api<StaffPollList>(STAFF) });

export const createPoll = (body: PollBody) => api<StaffPoll>(STAFF, { method: 'POST', body });

export const updatePoll = (pollId: string, body: PollBody) =>
  api<StaffPoll>(`${STAFF}/${id(pollId)}`, { method: 'PUT', body });

export const closePoll = (pollId: string) =>
  api<StaffPoll>(`${STAFF}/${id(pollId)}/close`, { method: 'POST' });
