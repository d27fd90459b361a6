import { z } from 'zod';
import { DocumentPage, Evaluation, PublishedEvaluation } from './governance-project-records.ts';
import { text } from './text.ts';

// Governance projects (협치사업) and their working groups (워킹그룹, issue 11): the public
// accountability page, the group's space (members, meetings with minutes and decisions, tasks,
// quarterly monitoring reports) and staff management.

/** Execution phases: before (실행 전), during (실행 중), after (실행 후) execution. */
export const PROJECT_STATUSES = ['before', 'during', 'after'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const MEMBER_KINDS = ['citizen', 'official', 'expert'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEMBER_ROLES = ['chair', 'secretary', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MINUTES_STATUSES = ['draft', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const DECISION_METHODS = ['vote', 'consensus'] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];
/** What a project's news is about; 'evaluation' (0143): the final evaluation was published. */
export const UPDATE_KINDS = ['progress', 'milestone', 'minutes', 'report', 'evaluation'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];
/** The report's rule: a working group has at most 10 members (10명 이내). */
export const GROUP_MAX_MEMBERS = 10;

const Day = z.iso.date();
const Percent = z.number().int().min(0).max(100);
/** Money in thousand won (천원), as the district's documents show it. */
const ThousandWon = z.number().int().min(0).max(100_000_000);

export const ProjectIdParams = z.strictObject({ id: z.uuid() });
export const MeetingParams = z.strictObject({ id: z.uuid(), meetingId: z.uuid() });
export const MilestoneParams = z.strictObject({ id: z.uuid(), milestoneId: z.uuid() });
export const TaskParams = z.strictObject({ id: z.uuid(), taskId: z.uuid() });
export const MemberParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });

export const Milestone = z.object({
  id: z.uuid(),
  title: z.string(),
  /** The English title, null when staff gave none (the English page then shows the Korean one). */
  titleEn: z.string().nullable(),
  dueOn: z.string(),
  done: z.boolean(),
  /** The day it was done (Seoul), once done. */
  doneOn: z.string().nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const ProjectSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  department: z.string(),
  year: z.number().int(),
  budget: z.number().int(),
  spent: z.number().int(),
  status: z.enum(PROJECT_STATUSES),
  progress: z.number().int(),
  sample: z.boolean(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;
export const ProjectList = z.object({
  items: z.array(ProjectSummary),
  totalBudget: z.number().int(),
  departments: z.number().int(),
});
export type ProjectList = z.infer<typeof ProjectList>;

export const Decision = z.object({
  id: z.uuid(),
  text: z.string(),
  method: z.enum(DECISION_METHODS),
  votesFor: z.number().int().nullable(),
  votesAgainst: z.number().int().nullable(),
  votesAbstain: z.number().int().nullable(),
});
export type Decision = z.infer<typeof Decision>;

/** Minutes as the public reads them: published only, with attendance as a count. */
export const PublishedMinutes = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  title: z.string(),
  agenda: z.string(),
  minutes: z.string(),
  attendance: z.number().int(),
  publishedAt: z.string(),
  decisions: z.array(Decision),
});
export type PublishedMinutes = z.infer<typeof PublishedMinutes>;

export const ProjectUpdate = z.object({
  id: z.uuid(),
  kind: z.enum(UPDATE_KINDS),
  text: z.string(),
  createdAt: z.string(),
});
export type ProjectUpdate = z.infer<typeof ProjectUpdate>;

export const ProjectPage = ProjectSummary.extend({
  milestones: z.array(Milestone),
  minutes: z.array(PublishedMinutes),
  updates: z.array(ProjectUpdate),
  members: z.number().int(),
  followers: z.number().int(),
  /** The signed-in person follows it (false for visitors). */
  following: z.boolean(),
  /** The signed-in person may open the group's space (a member, or staff). */
  canOpenSpace: z.boolean(),
  /** The signed-in person is staff: may add, edit, tick and remove milestones. */
  canManage: z.boolean(),
  /** The final evaluation, once the group has published it. */
  evaluation: PublishedEvaluation.nullable(),
});
export type ProjectPage = z.infer<typeof ProjectPage>;

export const Member = z.object({
  userId: z.uuid(),
  name: z.string(),
  kind: z.enum(MEMBER_KINDS),
  role: z.enum(MEMBER_ROLES),
});
export type Member = z.infer<typeof Member>;

export const Meeting = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  title: z.string(),
  agenda: z.string(),
  minutes: z.string(),
  status: z.enum(MINUTES_STATUSES),
  /** Members present (user ids of members). */
  attendees: z.array(z.uuid()),
  decisions: z.array(Decision),
  publishedAt: z.string().nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

export const Task = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  done: z.boolean(),
});
export type Task = z.infer<typeof Task>;

export const MonitoringReport = z.object({
  id: z.uuid(),
  year: z.number().int(),
  quarter: z.number().int(),
  body: z.string(),
  progress: z.number().int(),
  createdAt: z.string(),
});
export type MonitoringReport = z.infer<typeof MonitoringReport>;

/** The working group's space: what members and staff see. */
export const GroupSpace = z.object({
  project: ProjectSummary,
  members: z.array(Member),
  meetings: z.array(Meeting),
  tasks: z.array(Task),
  reports: z.array(MonitoringReport),
  /** The group's documents, newest first: the first page (more through the documents list). */
  documents: DocumentPage,
  /** The final evaluation, draft or published (null until recorded). */
  evaluation: Evaluation.nullable(),
  /** The reader's role in the group (null for staff who are not members). */
  myRole: z.enum(MEMBER_ROLES).nullable(),
  /** The reader may record meetings, publish minutes, add tasks and reports (chair, secretary, staff). */
  canRecord: z.boolean(),
  canManage: z.boolean(),
});
export type GroupSpace = z.infer<typeof GroupSpace>;

export const MyGroups = z.object({
  items: z.array(
    z.object({ project: ProjectSummary, role: z.enum(MEMBER_ROLES), kind: z.enum(MEMBER_KINDS) }),
  ),
});
export type MyGroups = z.infer<typeof MyGroups>;

// --- bodies --------------------------------------------------------------------------------

export const ProjectBody = z.strictObject({
  title: text({ min: 2, max: 120 }),
  summary: text({ max: 2000, multiline: true }),
  department: text({ min: 2, max: 60 }),
  year: z.number().int().min(2000).max(2100),
  budget: ThousandWon,
  spent: ThousandWon,
  status: z.enum(PROJECT_STATUSES),
  progress: Percent,
});
export type ProjectBody = z.infer<typeof ProjectBody>;

/** What staff change on a running project: phase, progress and money spent. */
export const ProgressBody = z.strictObject({
  status: z.enum(PROJECT_STATUSES),
  progress: Percent,
  spent: ThousandWon,
});
export type ProgressBody = z.infer<typeof ProgressBody>;

/** A milestone's Korean title, its optional English title ('' or left out: none) and due day. */
export const MilestoneBody = z.strictObject({
  title: text({ min: 2, max: 200 }),
  titleEn: z.union([z.literal(''), text({ min: 2, max: 200 })]).nullish(),
  dueOn: Day,
});
export type MilestoneBody = z.infer<typeof MilestoneBody>;
/** Ticking a milestone: done or not, and the day it was done (today in Seoul when left out). */
export const MilestoneDoneBody = z.strictObject({ done: z.boolean(), doneOn: Day.optional() });
export type MilestoneDoneBody = z.infer<typeof MilestoneDoneBody>;

export const MemberBody = z.strictObject({
  email: z.email().max(254),
  kind: z.enum(MEMBER_KINDS),
  role: z.enum(MEMBER_ROLES),
});
export type MemberBody = z.infer<typeof MemberBody>;

export const MeetingBody = z.strictObject({
  heldOn: Day,
  title: text({ min: 2, max: 120 }),
  agenda: text({ max: 4000, multiline: true }),
  minutes: text({ max: 20000, multiline: true }),
  attendees: z.array(z.uuid()).max(GROUP_MAX_MEMBERS),
});
export type MeetingBody = z.infer<typeof MeetingBody>;

export const DecisionBody = z
  .strictObject({
    text: text({ min: 2, max: 1000, multiline: true }),
    method: z.enum(DECISION_METHODS),
    votesFor: z.number().int().min(0).max(GROUP_MAX_MEMBERS).nullable(),
    votesAgainst: z.number().int().min(0).max(GROUP_MAX_MEMBERS).nullable(),
    votesAbstain: z.number().int().min(0).max(GROUP_MAX_MEMBERS).nullable(),
  })
  .refine(
    (d) =>
      d.method === 'consensus'
        ? d.votesFor === null && d.votesAgainst === null && d.votesAbstain === null
        : d.votesFor !== null && d.votesAgainst !== null && d.votesAbstain !== null,
    { params: { messageKey: 'field.governance_vote_counts' }, path: ['votesFor'] },
  );
export type DecisionBody = z.infer<typeof DecisionBody>;

export const TaskBody = z.strictObject({
  title: text({ min: 2, max: 200 }),
  ownerId: z.uuid().nullable(),
  dueOn: Day,
});
export type TaskBody = z.infer<typeof TaskBody>;
export const TaskDoneBody = z.strictObject({ done: z.boolean() });
export type TaskDoneBody = z.infer<typeof TaskDoneBody>;

export const ReportBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  body: text({ min: 2, max: 8000, multiline: true }),
  progress: Percent,
});
export type ReportBody = z.infer<typeof ReportBody>;

export const FollowState = z.object({ following: z.boolean(), followers: z.number().int() });
export type FollowState = z.infer<typeof FollowState>;
