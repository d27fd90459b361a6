import { z } from 'zod';
import {
  DocumentBody,
  DocumentListQuery,
  DocumentPage,
  DocumentParams,
  Evaluation,
  EvaluationBody,
} from '../../../../contracts/governance-project-records.ts';
import {
  DecisionBody,
  FollowState,
  GroupSpace,
  Meeting,
  MeetingBody,
  MeetingParams,
  Member,
  MemberBody,
  MemberParams,
  Milestone,
  MilestoneBody,
  MilestoneDoneBody,
  MilestoneParams,
  MyGroups,
  ProgressBody,
  ProjectBody,
  ProjectIdParams,
  ProjectList,
  ProjectPage,
  ProjectSummary,
  ReportBody,
  TaskBody,
  TaskDoneBody,
  TaskParams,
} from '../../../../contracts/governance-projects.ts';
import { routes } from '../../../platform/http.ts';
import {
  addDecision,
  addMember,
  addMilestone,
  addTask,
  createMeeting,
  createProject,
  editMilestone,
  follow,
  publishMinutes,
  removeMember,
  removeMilestone,
  saveReport,
  setMilestoneDone,
  setTaskDone,
  updateMeeting,
  updateProgress,
} from './commands.ts';
import { addDocument, listDocuments, removeDocument } from './documents.ts';
import { publishEvaluation, saveEvaluation } from './evaluation.ts';
import { findMeeting, groupSpace, listProjects, myGroups, projectPage, summaryOf } from './queries.ts';

const tags = ['governance'];
const manage = { action: 'governance.projects.manage' };
const BASE = '/api/v1/governance/projects';
const STAFF = '/api/v1/governance/staff/projects';
const Created = z.object({ id: z.uuid() });
const Done = z.object({ id: z.uuid(), done: z.boolean() });

export const projectRoutes = routes((app) => {
  // Public accountability: the list and each project's page.
  app.get(
    BASE,
    { config: { access: 'public' }, schema: { tags, response: { 200: ProjectList } } },
    async (req) => listProjects(req.ctx),
  );
  app.get(
    `${BASE}/mine`,
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: MyGroups } } },
    async (req) => myGroups(req.ctx),
  );
  app.get(
    `${BASE}/:id`,
    {
      config: { access: 'public' },
      schema: { tags, params: ProjectIdParams, response: { 200: ProjectPage } },
    },
    async (req) => projectPage(req.ctx, req.params.id),
  );
  for (const [method, on] of [
    ['put', true],
    ['delete', false],
  ] as const)
    app[method](
      `${BASE}/:id/follow`,
      {
        config: { access: 'signed-in' },
        schema: { tags, params: ProjectIdParams, response: { 200: FollowState } },
      },
      async (req) => follow(req.ctx, req.params.id, on),
    );

  // The working group's space: members and staff only (404 to everyone else).
  app.get(
    `${BASE}/:id/space`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProjectIdParams, response: { 200: GroupSpace } },
    },
    async (req) => groupSpace(req.ctx, req.params.id, req.routeOptions.url),
  );
  app.post(
    `${BASE}/:id/meetings`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProjectIdParams, body: MeetingBody, response: { 201: Meeting } },
    },
    async (req, reply) => {
      reply.code(201);
      return createMeeting(req.ctx, req.params.id, req.body);
    },
  );
  app.get(
    `${BASE}/:id/meetings/:meetingId`,
    { config: { access: 'signed-in' }, schema: { tags, params: MeetingParams, response: { 200: Meeting } } },
    async (req) => findMeeting(req.ctx, req.params.id, req.params.meetingId),
  );
  app.put(
    `${BASE}/:id/meetings/:meetingId`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: MeetingParams, body: MeetingBody, response: { 200: Meeting } },
    },
    async (req) => updateMeeting(req.ctx, req.params.id, req.params.meetingId, req.body),
  );
  app.post(
    `${BASE}/:id/meetings/:meetingId/decisions`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: MeetingParams, body: DecisionBody, response: { 201: Meeting } },
    },
    async (req, reply) => {
      reply.code(201);
      return addDecision(req.ctx, req.params.id, req.params.meetingId, req.body);
    },
  );
  app.post(
    `${BASE}/:id/meetings/:meetingId/publish`,
    { config: { access: 'signed-in' }, schema: { tags, params: MeetingParams, response: { 200: Meeting } } },
    async (req) => publishMinutes(req.ctx, req.params.id, req.params.meetingId),
  );
  app.post(
    `${BASE}/:id/tasks`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProjectIdParams, body: TaskBody, response: { 201: Created } },
    },
    async (req, reply) => {
      reply.code(201);
      return addTask(req.ctx, req.params.id, req.body);
    },
  );
  app.put(
    `${BASE}/:id/tasks/:taskId`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: TaskParams, body: TaskDoneBody, response: { 200: Done } },
    },
    async (req) => setTaskDone(req.ctx, req.params.id, req.params.taskId, req.body.done),
  );
  app.put(
    `${BASE}/:id/reports`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProjectIdParams, body: ReportBody, response: { 200: Created } },
    },
    async (req) => saveReport(req.ctx, req.params.id, req.body),
  );

  // Documents: members add, the chair, the secretary or staff remove (404 outside the group).
  app.get(
    `${BASE}/:id/documents`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        params: ProjectIdParams,
        querystring: DocumentListQuery,
        response: { 200: DocumentPage },
      },
    },
    async (req) => listDocuments(req.ctx, req.params.id, req.query, req.routeOptions.url),
  );
  app.post(
    `${BASE}/:id/documents`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProjectIdParams, body: DocumentBody, response: { 201: Created } },
    },
    async (req, reply) => {
      reply.code(201);
      return addDocument(req.ctx, req.params.id, req.body);
    },
  );
  app.delete(
    `${BASE}/:id/documents/:documentId`,
    { config: { access: 'signed-in' }, schema: { tags, params: DocumentParams } },
    async (req, reply) => {
      await removeDocument(req.ctx, req.params.id, req.params.documentId);
      return reply.code(204).send();
    },
  );

  // The final evaluation: the chair, the secretary or staff record it and publish it.
  app.put(
    `${BASE}/:id/evaluation`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProjectIdParams, body: EvaluationBody, response: { 200: Evaluation } },
    },
    async (req) => saveEvaluation(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${BASE}/:id/evaluation/publish`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProjectIdParams, response: { 200: Evaluation } },
    },
    async (req) => publishEvaluation(req.ctx, req.params.id),
  );

  // Staff: projects, progress, milestones and members.
  app.post(
    STAFF,
    { config: { access: manage }, schema: { tags, body: ProjectBody, response: { 201: ProjectSummary } } },
    async (req, reply) => {
      reply.code(201);
      return summaryOf(await createProject(req.ctx, req.body));
    },
  );
  app.put(
    `${STAFF}/:id/progress`,
    {
      config: { access: manage },
      schema: { tags, params: ProjectIdParams, body: ProgressBody, response: { 200: ProjectSummary } },
    },
    async (req) => summaryOf(await updateProgress(req.ctx, req.params.id, req.body)),
  );
  app.post(
    `${STAFF}/:id/milestones`,
    {
      config: { access: manage },
      schema: { tags, params: ProjectIdParams, body: MilestoneBody, response: { 201: Milestone } },
    },
    async (req, reply) => {
      reply.code(201);
      return addMilestone(req.ctx, req.params.id, req.body);
    },
  );
  app.put(
    `${STAFF}/:id/milestones/:milestoneId`,
    {
      config: { access: manage },
      schema: { tags, params: MilestoneParams, body: MilestoneDoneBody, response: { 200: Milestone } },
    },
    async (req) => setMilestoneDone(req.ctx, req.params.id, req.params.milestoneId, req.body),
  );
  app.patch(
    `${STAFF}/:id/milestones/:milestoneId`,
    {
      config: { access: manage },
      schema: { tags, params: MilestoneParams, body: MilestoneBody, response: { 200: Milestone } },
    },
    async (req) => editMilestone(req.ctx, req.params.id, req.params.milestoneId, req.body),
  );
  app.delete(
    `${STAFF}/:id/milestones/:milestoneId`,
    { config: { access: manage }, schema: { tags, params: MilestoneParams } },
    async (req, reply) => {
      await removeMilestone(req.ctx, req.params.id, req.params.milestoneId);
      return reply.code(204).send();
    },
  );
  app.post(
    `${STAFF}/:id/members`,
    {
      config: { access: manage },
      schema: { tags, params: ProjectIdParams, body: MemberBody, response: { 201: Member } },
    },
    async (req, reply) => {
      reply.code(201);
      return addMember(req.ctx, req.params.id, req.body);
    },
  );
  app.delete(
    `${STAFF}/:id/members/:userId`,
    { config: { access: manage }, schema: { tags, params: MemberParams } },
    async (req, reply) => {
      await removeMember(req.ctx, req.params.id, req.params.userId);
      return reply.code(204).send();
    },
  );
});
