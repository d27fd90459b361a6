import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  AnswerBody,
  Inbox,
  InboxItem,
  Question,
  QuestionBody,
  QuestionList,
  Suggestion,
  SuggestionBody,
  SuggestionList,
  SuggestionStatus,
  SuggestionStatusBody,
} from '../../../contracts/youth-questions.ts';
import { api } from './client.ts';

// Questions on youth policies and policy suggestions (issue 3).
export type { InboxItem, Question, Suggestion, SuggestionStatus };

export function usePolicyQuestions(policyId: string, signedInAs: string | null) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['youth', 'questions', 'policy', policyId, signedInAs, i18n.language],
    queryFn: () => api<QuestionList>(`/api/v1/youth/policies/${encodeURIComponent(policyId)}/questions`),
  });
}

export const useMyQuestions = () =>
  useQuery({
    queryKey: ['youth', 'questions', 'mine'],
    queryFn: () => api<QuestionList>('/api/v1/youth/questions/mine'),
  });

export const useQuestionInbox = () =>
  useQuery({
    queryKey: ['youth', 'questions', 'inbox'],
    queryFn: () => api<Inbox>('/api/v1/youth/questions/inbox'),
  });

export const askQuestion = (policyId: string, body: QuestionBody) =>
  api<Question>(`/api/v1/youth/policies/${encodeURIComponent(policyId)}/questions`, { method: 'POST', body });

export const answerQuestion = (id: string, body: AnswerBody) =>
  api<Question>(`/api/v1/youth/questions/${encodeURIComponent(id)}/answer`, { method: 'PUT', body });

export const useSuggestions = (status: SuggestionStatus | '') =>
  useQuery({
    queryKey: ['youth', 'suggestions', 'list', status],
    queryFn: () => api<SuggestionList>(`/api/v1/youth/suggestions${status ? `?status=${status}` : ''}`),
  });

export const useMySuggestions = () =>
  useQuery({
    queryKey: ['youth', 'suggestions', 'mine'],
    queryFn: () => api<SuggestionList>('/api/v1/youth/suggestions/mine'),
  });

export const submitSuggestion = (body: SuggestionBody) =>
  api<Suggestion>('/api/v1/youth/suggestions', { method: 'POST', body });

export const changeSuggestionStatus = (id: string, body: SuggestionStatusBody) =>
  api<Suggestion>(`/api/v1/youth/suggestions/${encodeURIComponent(id)}/status`, { method: 'PUT', body });
