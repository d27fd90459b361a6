import { useQuery } from '@tanstack/react-query';
import type {
  DocumentBody,
  DocumentPage,
  Evaluation,
  EvaluationBody,
  GroupDocument,
  PublishedEvaluation,
} from '../../../../../contracts/governance-project-records.ts';
import type {
  DecisionBody,
  FollowState,
  GroupSpace,
  Meeting,
  MeetingBody,
  MemberBody,
  Milestone,
  MilestoneBody,
  MilestoneDoneBody,
  MyGroups,
  ProgressBody,
  ProjectBody,
  ProjectList,
  ProjectPage,
  ProjectSummary,
  ReportBody,
  TaskBody,
} from '../../../../../contracts/governance-projects.ts';
import { ApiError, api } from '../../../api/client.ts';

// The governance projects API (issue 11): projects are public; the working group's space is its
// members' and staff's; progress and members are staff's.
export type {
  Evaluation,
  GroupDocument,
  GroupSpace,
  Meeting,
  Milestone,
  ProjectPage,
  ProjectSummary,
  PublishedEvaluation,
};

const BASE = '/api/v1/governance/projects';
const STAFF = '/api/v1/governance/staff/projects';
const id = (s: string) => encodeURIComponent(s);

/** A refusal (4xx) is the server's answer: asked once; anything else once more. */
const answeredOnce = (count: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && count < 1;

export const projectKeys = {
  all: ['governance', 'projects'] as const,
  one: (projectId: string) => ['governance', 'projects', 'one', projectId] as const,
  space: (projectId: string) => ['governance', 'projects', 'space', projectId] as const,
  mine: ['governance', 'projects', 'mine'] as const,
};

export const useProjects = () =>
  useQuery({ queryKey: projectKeys.all, queryFn: () => api<ProjectList>(BASE) });

export const useProject = (projectId: string) =>
  useQuery({
    queryKey: projectKeys.one(projectId),
    queryFn: () => api<ProjectPage>(`${BASE}/${id(projectId)}`),
    retry: answeredOnce,
  });

/** The space answers 404 to anyone neither a member nor staff: that is an answer, not worth asking twice. */
export const useGroupSpace = (projectId: string, enabled = true) =>
  useQuery({
    queryKey: projectKeys.space(projectId),
    queryFn: () => api<GroupSpace>(`${BASE}/${id(projectId)}/space`),
    enabled,
    retry: answeredOnce,
  });

export const useMyGroups = (enabled = true) =>
  useQuery({ queryKey: projectKeys.mine, queryFn: () => api<MyGroups>(`${BASE}/mine`), enabled });

export const setFollow = (projectId: string, on: boolean) =>
  api<FollowState>(`${BASE}/${id(projectId)}/follow`, { method: on ? 'PUT' : 'DELETE' });

export const createMeeting = (projectId: string, body: MeetingBody) =>
  api<Meeting>(`${BASE}/${id(projectId)}/meetings`, { method: 'POST', body });

export const updateMeeting = (projectId: string, meetingId: string, body: MeetingBody) =>
  api<Meeting>(`${BASE}/${id(projectId)}/meetings/${id(meetingId)}`, { method: 'PUT', body });

export const addDecision = (projectId: string, meetingId: string, body: DecisionBody) =>
  api<Meeting>(`${BASE}/${id(projectId)}/meetings/${id(meetingId)}/decisions`, { method: 'POST', body });

export const publishMinutes = (projectId: string, meetingId: string) =>
  api<Meeting>(`${BASE}/${id(projectId)}/meetings/${id(meetingId)}/publish`, { method: 'POST' });

export const addTask = (projectId: string, body: TaskBody) =>
  api<{ id: string }>(`${BASE}/${id(projectId)}/tasks`, { method: 'POST', body });

export const setTaskDone = (projectId: string, taskId: string, done: boolean) =>
  api<{ id: string; done: boolean }>(`${BASE}/${id(projectId)}/tasks/${id(taskId)}`, {
    method: 'PUT',
    body: { done },
  });

export const saveReport = (projectId: string, body: ReportBody) =>
  api<{ id: string }>(`${BASE}/${id(projectId)}/reports`, { method: 'PUT', body });

export const setProgress = (projectId: string, body: ProgressBody) =>
  api<unknown>(`${STAFF}/${id(projectId)}/progress`, { method: 'PUT', body });

export const addMember = (projectId: string, body: MemberBody) =>
  api<unknown>(`${STAFF}/${id(projectId)}/members`, { method: 'POST', body });

export const removeMember = (projectId: string, userId: string) =>
  api<unknown>(`${STAFF}/${id(projectId)}/members/${id(userId)}`, { method: 'DELETE' });

export const createProject = (body: ProjectBody) => api<ProjectSummary>(STAFF, { method: 'POST', body });

export const addMilestone = (projectId: string, body: MilestoneBody) =>
  api<Milestone>(`${STAFF}/${id(projectId)}/milestones`, { method: 'POST', body });

export const editMilestone = (projectId: string, milestoneId: string, body: MilestoneBody) =>
  api<Milestone>(`${STAFF}/${id(projectId)}/milestones/${id(milestoneId)}`, { method: 'PATCH', body });

export const removeMilestone = (projectId: string, milestoneId: string) =>
  api<unknown>(`${STAFF}/${id(projectId)}/milestones/${id(milestoneId)}`, { method: 'DELETE' });

export const setMilestoneDone = (projectId: string, milestoneId: string, body: MilestoneDoneBody) =>
  api<Milestone>(`${STAFF}/${id(projectId)}/milestones/${id(milestoneId)}`, { method: 'PUT', body });

export const fetchDocuments = (projectId: string, cursor: string) =>
  api<DocumentPage>(`${BASE}/${id(projectId)}/documents?cursor=${encodeURIComponent(cursor)}`);

export const addDocument = (projectId: string, body: DocumentBody) =>
  api<{ id: string }>(`${BASE}/${id(projectId)}/documents`, { method: 'POST', body });

export const removeDocument = (projectId: string, documentId: string) =>
  api<unknown>(`${BASE}/${id(projectId)}/documents/${id(documentId)}`, { method: 'DELETE' });

export const saveEvaluation = (projectId: string, body: EvaluationBody) =>
  api<Evaluation>(`${BASE}/${id(projectId)}/evaluation`, { method: 'PUT', body });

export const publishEvaluation = (projectId: string) =>
  api<Evaluation>(`${BASE}/${id(projectId)}/evaluation/publish`, { method: 'POST' });
