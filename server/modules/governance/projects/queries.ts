import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  Decision,
  GroupSpace,
  Meeting,
  MemberKind,
  MemberRole,
  MyGroups,
  ProjectList,
  ProjectPage,
  ProjectStatus,
  ProjectSummary,
  UpdateKind,
} from '../../../../contracts/governance-projects.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import { logPersonalDataAccessOf } from '../../../platform/privacy/access-log.ts';
import { dateInSeoul } from '../../../platform/time/index.ts';
import { groupAccess } from './access.ts';
import { DOCUMENTS_FIRST_PAGE, documentsOf } from './documents.ts';
import { evaluationOf, publishedEvaluationOf } from './evaluation.ts';
import {
  governanceDecisions,
  governanceGroupMembers,
  governanceMeetingAttendance,
  governanceMeetings,
  governanceMonitoringReports,
  governanceProjectFollows,
  governanceProjectMilestones,
  governanceProjects,
  governanceProjectUpdates,
  governanceTasks,
} from './tables.ts';

type ProjectRow = typeof governanceProjects.$inferSelect;

export const summaryOf = (p: ProjectRow): ProjectSummary => ({
  id: p.id,
  title: p.title,
  summary: p.summary,
  department: p.department,
  year: p.year,
  budget: p.budgetThousandWon,
  spent: p.spentThousandWon,
  status: p.status as ProjectStatus,
  progress: p.progressPercent,
  sample: p.isSample,
});

/** Every project of the organization, newest year first, then by title (ten a year: no paging needed). */
export async function listProjects(ctx: Ctx): Promise<ProjectList> {
  const rows = await ctx.db
    .select()
    .from(governanceProjects)
    .where(forOrg(governanceProjects, ctx))
    .orderBy(desc(governanceProjects.year), asc(governanceProjects.title));
  return {
    items: rows.map(summaryOf),
    totalBudget: rows.reduce((s, p) => s + p.budgetThousandWon, 0),
    departments: new Set(rows.map((p) => p.department)).size,
  };
}

export async function findProject(db: DbOrTx, ctx: Ctx, id: string): Promise<ProjectRow> {
  const [row] = await db
    .select()
    .from(governanceProjects)
    .where(forOrg(governanceProjects, ctx, eq(governanceProjects.id, id)));
  if (!row) throw new AppError('governance_project_not_found', 404);
  return row;
}

async function decisionsOf(db: DbOrTx, ctx: Ctx, meetingIds: string[]): Promise<Map<string, Decision[]>> {
  const out = new Map<string, Decision[]>();
  if (meetingIds.length === 0) return out;
  const rows = await db
    .select()
    .from(governanceDecisions)
    .where(forOrg(governanceDecisions, ctx, inArray(governanceDecisions.meetingId, meetingIds)))
    .orderBy(asc(governanceDecisions.createdAt), asc(governanceDecisions.id));
  for (const d of rows) {
    const list = out.get(d.meetingId) ?? [];
    list.push({
      id: d.id,
      text: d.body,
      method: d.method as Decision['method'],
      votesFor: d.votesFor,
      votesAgainst: d.votesAgainst,
      votesAbstain: d.votesAbstain,
    });
    out.set(d.meetingId, list);
  }
  return out;
}

/** A milestone as the page shows it; the day it was done is the Seoul day of done_at. */
export function milestoneOf(m: typeof governanceProjectMilestones.$inferSelect) {
  return {
    id: m.id,
    title: m.title,
    titleEn: m.titleEn,
    dueOn: m.dueOn,
    done: m.done,
    doneOn: m.done && m.doneAt ? dateInSeoul(m.doneAt) : null,
  };
}

/** The public accountability page: progress, milestones, money spent, published minutes and updates. */
export async function projectPage(ctx: Ctx, id: string): Promise<ProjectPage> {
  const db = ctx.db;
  const project = await findProject(db, ctx, id);
  const milestones = await db
    .select()
    .from(governanceProjectMilestones)
    .where(forOrg(governanceProjectMilestones, ctx, eq(governanceProjectMilestones.projectId, id)))
    .orderBy(asc(governanceProjectMilestones.dueOn), asc(governanceProjectMilestones.createdAt));
  // Drafts never leave the space: only published minutes, and attendance only as a count.
  const meetings = await db
    .select({
      id: governanceMeetings.id,
      heldOn: governanceMeetings.heldOn,
      title: governanceMeetings.title,
      agenda: governanceMeetings.agenda,
      minutes: governanceMeetings.minutes,
      publishedAt: governanceMeetings.publishedAt,
      attendance: sql<number>`(select count(*)::int from governance_meeting_attendance a where a.meeting_id = ${governanceMeetings.id})`,
    })
    .from(governanceMeetings)
    .where(
      forOrg(
        governanceMeetings,
        ctx,
        eq(governanceMeetings.projectId, id),
        eq(governanceMeetings.status, 'published'),
      ),
    )
    .orderBy(desc(governanceMeetings.heldOn), desc(governanceMeetings.createdAt));
  const decisions = await decisionsOf(
    db,
    ctx,
    meetings.map((m) => m.id),
  );
  const updates = await db
    .select()
    .from(governanceProjectUpdates)
    .where(forOrg(governanceProjectUpdates, ctx, eq(governanceProjectUpdates.projectId, id)))
    .orderBy(desc(governanceProjectUpdates.createdAt))
    .limit(20);
  const [members] = await db
    .select({ n: count() })
    .from(governanceGroupMembers)
    .where(forOrg(governanceGroupMembers, ctx, eq(governanceGroupMembers.projectId, id)));
  const [followers] = await db
    .select({ n: count() })
    .from(governanceProjectFollows)
    .where(forOrg(governanceProjectFollows, ctx, eq(governanceProjectFollows.projectId, id)));
  let following = false;
  let member = false;
  if (ctx.actor.signedIn) {
    const userId = ctx.actor.userId;
    const [f] = await db
      .select({ userId: governanceProjectFollows.userId })
      .from(governanceProjectFollows)
      .where(
        forOrg(
          governanceProjectFollows,
          ctx,
          eq(governanceProjectFollows.projectId, id),
          eq(governanceProjectFollows.userId, userId),
        ),
      );
    const [m] = await db
      .select({ userId: governanceGroupMembers.userId })
      .from(governanceGroupMembers)
      .where(
        forOrg(
          governanceGroupMembers,
          ctx,
          eq(governanceGroupMembers.projectId, id),
          eq(governanceGroupMembers.userId, userId),
        ),
      );
    following = Boolean(f);
    member = Boolean(m);
  }
  const en = ctx.locale === 'en';
  return {
    ...summaryOf(project),
    milestones: milestones.map(milestoneOf),
    minutes: meetings.map((m) => ({
      id: m.id,
      heldOn: m.heldOn,
      title: m.title,
      agenda: m.agenda,
      minutes: m.minutes,
      attendance: Number(m.attendance),
      publishedAt: (m.publishedAt ?? new Date()).toISOString(),
      decisions: decisions.get(m.id) ?? [],
    })),
    updates: updates.map((u) => ({
      id: u.id,
      kind: u.kind as UpdateKind,
      text: en ? u.bodyEn : u.bodyKo,
      createdAt: u.createdAt.toISOString(),
    })),
    members: Number(members?.n ?? 0),
    followers: Number(followers?.n ?? 0),
    following,
    canOpenSpace: member || isStaff(ctx.actor),
    canManage: isStaff(ctx.actor),
    evaluation: await publishedEvaluationOf(db, ctx, id),
  };
}

/** Members of the group with their names (members and staff only). */
export async function membersOf(db: DbOrTx, ctx: Ctx, projectId: string) {
  const rows = await db
    .select({
      userId: governanceGroupMembers.userId,
      name: users.displayName,
      kind: governanceGroupMembers.kind,
      role: governanceGroupMembers.role,
    })
    .from(governanceGroupMembers)
    .innerJoin(users, eq(users.id, governanceGroupMembers.userId))
    .where(forOrg(governanceGroupMembers, ctx, eq(governanceGroupMembers.projectId, projectId)));
  const order = { chair: 0, secretary: 1, member: 2 } as const;
  return rows
    .map((r) => ({
      userId: r.userId,
      name: r.name ?? '',
      kind: r.kind as MemberKind,
      role: r.role as MemberRole,
    }))
    .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name, 'ko'));
}

/** Meetings of the group, drafts included (members and staff only). */
export async function meetingsOf(db: DbOrTx, ctx: Ctx, projectId: string, meetingId?: string) {
  const rows = await db
    .select()
    .from(governanceMeetings)
    .where(
      forOrg(
        governanceMeetings,
        ctx,
        eq(governanceMeetings.projectId, projectId),
        meetingId ? eq(governanceMeetings.id, meetingId) : undefined,
      ),
    )
    .orderBy(desc(governanceMeetings.heldOn), desc(governanceMeetings.createdAt));
  const ids = rows.map((m) => m.id);
  const attendance =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(governanceMeetingAttendance)
          .where(
            forOrg(governanceMeetingAttendance, ctx, inArray(governanceMeetingAttendance.meetingId, ids)),
          );
  const decisions = await decisionsOf(db, ctx, ids);
  return rows.map(
    (m): Meeting => ({
      id: m.id,
      heldOn: m.heldOn,
      title: m.title,
      agenda: m.agenda,
      minutes: m.minutes,
      status: m.status as Meeting['status'],
      attendees: attendance.filter((a) => a.meetingId === m.id).map((a) => a.userId),
      decisions: decisions.get(m.id) ?? [],
      publishedAt: m.publishedAt?.toISOString() ?? null,
    }),
  );
}

/** The working group's space. Staff who are not members read members' names: access-logged. */
export async function groupSpace(ctx: SignedInCtx, projectId: string, route?: string): Promise<GroupSpace> {
  return ctx.db.transaction(async (tx) => {
    const access = await groupAccess(tx, ctx, projectId);
    const project = await findProject(tx, ctx, projectId);
    const members = await membersOf(tx, ctx, projectId);
    if (!access.role) {
      await logPersonalDataAccessOf(
        tx,
        ctx,
        members.map((m) => m.userId),
        { fields: ['displayName'], reason: 'governance.group.space', route },
      );
    }
    const meetings = await meetingsOf(tx, ctx, projectId);
    const tasks = await tx
      .select({
        id: governanceTasks.id,
        title: governanceTasks.title,
        ownerId: governanceTasks.ownerUserId,
        ownerName: users.displayName,
        dueOn: governanceTasks.dueOn,
        done: governanceTasks.done,
      })
      .from(governanceTasks)
      .leftJoin(users, eq(users.id, governanceTasks.ownerUserId))
      .where(forOrg(governanceTasks, ctx, eq(governanceTasks.projectId, projectId)))
      .orderBy(asc(governanceTasks.done), asc(governanceTasks.dueOn), asc(governanceTasks.createdAt));
    const reports = await tx
      .select()
      .from(governanceMonitoringReports)
      .where(forOrg(governanceMonitoringReports, ctx, eq(governanceMonitoringReports.projectId, projectId)))
      .orderBy(desc(governanceMonitoringReports.year), desc(governanceMonitoringReports.quarter));
    const documents = await documentsOf(tx, ctx, access, projectId, { limit: DOCUMENTS_FIRST_PAGE }, route);
    const evaluation = await evaluationOf(tx, ctx, projectId);
    return {
      project: summaryOf(project),
      members,
      meetings,
      tasks: tasks.map((t) => ({ ...t, ownerName: t.ownerName ?? null })),
      reports: reports.map((r) => ({
        id: r.id,
        year: r.year,
        quarter: r.quarter,
        body: r.body,
        progress: r.progressPercent,
        createdAt: r.createdAt.toISOString(),
      })),
      documents,
      evaluation,
      myRole: access.role,
      canRecord: access.canRecord,
      canManage: access.staff,
    };
  });
}

/** One meeting of the space (drafts included): 404 to anyone outside the group. */
export async function findMeeting(ctx: SignedInCtx, projectId: string, meetingId: string): Promise<Meeting> {
  await groupAccess(ctx.db, ctx, projectId);
  const [meeting] = await meetingsOf(ctx.db, ctx, projectId, meetingId);
  if (!meeting) throw new AppError('governance_meeting_not_found', 404);
  return meeting;
}

/** The signed-in person's working groups ("내 실무협의체"). */
export async function myGroups(ctx: SignedInCtx): Promise<MyGroups> {
  const rows = await ctx.db
    .select({
      project: governanceProjects,
      role: governanceGroupMembers.role,
      kind: governanceGroupMembers.kind,
    })
    .from(governanceGroupMembers)
    .innerJoin(governanceProjects, eq(governanceProjects.id, governanceGroupMembers.projectId))
    .where(
      and(
        forOrg(governanceGroupMembers, ctx, eq(governanceGroupMembers.userId, ctx.actor.userId)),
        eq(governanceProjects.organizationId, ctx.organizationId),
      ),
    )
    .orderBy(desc(governanceProjects.year), asc(governanceProjects.title));
  return {
    items: rows.map((r) => ({
      project: summaryOf(r.project),
      role: r.role as MemberRole,
      kind: r.kind as MemberKind,
    })),
  };
}
