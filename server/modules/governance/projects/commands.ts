import { and, count, eq, inArray, sql } from 'drizzle-orm';
import {
  type DecisionBody,
  GROUP_MAX_MEMBERS,
  type MeetingBody,
  type MemberBody,
  type MilestoneBody,
  type MilestoneDoneBody,
  type ProgressBody,
  type ProjectBody,
  type ReportBody,
  type TaskBody,
} from '../../../../contracts/governance-projects.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { normalizeEmail } from '../../../platform/auth/commands.ts';
import { memberships, users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { startOfDayInSeoul, todayInSeoul } from '../../../platform/time/index.ts';
import { groupAccess, recorderAccess } from './access.ts';
import { recordUpdate } from './notify.ts';
import { findProject, meetingsOf, milestoneOf } from './queries.ts';
import {
  governanceDecisions,
  governanceGroupMembers,
  governanceMeetingAttendance,
  governanceMeetings,
  governanceMonitoringReports,
  governanceProjectFollows,
  governanceProjectMilestones,
  governanceProjects,
  governanceTasks,
} from './tables.ts';

// Each use case is one transaction; staff changes write an audit entry, and what the public should
// know goes to the project's updates and its followers (notify.ts) in the same transaction.

const STATUS_WORDS = {
  before: { ko: '실행 전', en: 'before execution' },
  during: { ko: '실행 중', en: 'under way' },
  after: { ko: '실행 후', en: 'after execution' },
} as const;

export async function createProject(ctx: SignedInCtx, body: ProjectBody) {
  if (body.spent > body.budget) throw new AppError('governance_spent_over_budget', 400);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(governanceProjects)
      .values({
        organizationId: ctx.organizationId,
        title: body.title,
        summary: body.summary,
        department: body.department,
        year: body.year,
        budgetThousandWon: body.budget,
        spentThousandWon: body.spent,
        status: body.status,
        progressPercent: body.progress,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'governance.project.create',
      targetType: 'governance.project',
      targetId: row.id,
    });
    return row;
  });
}

/** Staff set the phase, progress % and money spent; followers hear of it. */
export async function updateProgress(ctx: SignedInCtx, id: string, body: ProgressBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await lockProject(tx, ctx, id);
    if (body.spent > before.budgetThousandWon) throw new AppError('governance_spent_over_budget', 400);
    const [row] = await tx
      .update(governanceProjects)
      .set({
        status: body.status,
        progressPercent: body.progress,
        spentThousandWon: body.spent,
        updatedAt: new Date(),
      })
      .where(forOrg(governanceProjects, ctx, eq(governanceProjects.id, id)))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'governance.project.progress',
      targetType: 'governance.project',
      targetId: id,
      data: { status: body.status, progress: body.progress, spent: body.spent },
    });
    const words = STATUS_WORDS[body.status];
    await recordUpdate(tx, ctx, row, 'progress', {
      ko: `진행률이 ${body.progress}%가 되었습니다(${words.ko}, 집행액 ${body.spent.toLocaleString('ko-KR')}천원).`,
      en: `Progress is now ${body.progress}% (${words.en}; ${body.spent.toLocaleString('en-US')} thousand won spent).`,
    });
    return row;
  });
}

async function lockProject(tx: DbOrTx, ctx: SignedInCtx, id: string) {
  const [row] = await tx
    .select()
    .from(governanceProjects)
    .where(forOrg(governanceProjects, ctx, eq(governanceProjects.id, id)))
    .for('update');
  if (!row) throw new AppError('governance_project_not_found', 404);
  return row;
}

export async function addMilestone(ctx: SignedInCtx, id: string, body: MilestoneBody) {
  return ctx.db.transaction(async (tx) => {
    await findProject(tx, ctx, id);
    const [row] = await tx
      .insert(governanceProjectMilestones)
      .values({
        organizationId: ctx.organizationId,
        projectId: id,
        title: body.title,
        titleEn: englishOf(body),
        dueOn: body.dueOn,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'governance.milestone.create',
      targetType: 'governance.project',
      targetId: id,
      data: { milestone: row.id },
    });
    return milestoneOf(row);
  });
}

/** The English title to store: null when left out or empty. */
const englishOf = (body: MilestoneBody) => (body.titleEn ? body.titleEn : null);

const milestoneWhere = (ctx: SignedInCtx, id: string, milestoneId: string) =>
  forOrg(
    governanceProjectMilestones,
    ctx,
    eq(governanceProjectMilestones.id, milestoneId),
    eq(governanceProjectMilestones.projectId, id),
  );

/** Staff correct a milestone's titles or due day (its done state stays). */
export async function editMilestone(ctx: SignedInCtx, id: string, milestoneId: string, body: MilestoneBody) {
  return ctx.db.transaction(async (tx) => {
    await findProject(tx, ctx, id);
    const [row] = await tx
      .update(governanceProjectMilestones)
      .set({ title: body.title, titleEn: englishOf(body), dueOn: body.dueOn })
      .where(milestoneWhere(ctx, id, milestoneId))
      .returning();
    if (!row) throw new AppError('governance_milestone_not_found', 404);
    await writeAudit(tx, ctx, {
      action: 'governance.milestone.edit',
      targetType: 'governance.project',
      targetId: id,
      data: { milestone: milestoneId, title: body.title, titleEn: row.titleEn, dueOn: body.dueOn },
    });
    return milestoneOf(row);
  });
}

export async function removeMilestone(ctx: SignedInCtx, id: string, milestoneId: string) {
  await ctx.db.transaction(async (tx) => {
    await findProject(tx, ctx, id);
    const [row] = await tx
      .delete(governanceProjectMilestones)
      .where(milestoneWhere(ctx, id, milestoneId))
      .returning({ id: governanceProjectMilestones.id, title: governanceProjectMilestones.title });
    if (!row) throw new AppError('governance_milestone_not_found', 404);
    await writeAudit(tx, ctx, {
      action: 'governance.milestone.remove',
      targetType: 'governance.project',
      targetId: id,
      data: { milestone: milestoneId, title: row.title },
    });
  });
}

/**
 * Staff tick a milestone done on a day (today in Seoul when not given; never a day to come) or
 * untick it. Followers hear of it only when it becomes done, not when it is ticked again.
 */
export async function setMilestoneDone(
  ctx: SignedInCtx,
  id: string,
  milestoneId: string,
  body: MilestoneDoneBody,
) {
  const today = todayInSeoul();
  const doneOn = body.done ? (body.doneOn ?? today) : null;
  if (doneOn && doneOn > today) throw new AppError('governance_milestone_done_later', 400);
  return ctx.db.transaction(async (tx) => {
    const project = await findProject(tx, ctx, id);
    const [before] = await tx
      .select({ done: governanceProjectMilestones.done })
      .from(governanceProjectMilestones)
      .where(milestoneWhere(ctx, id, milestoneId))
      .for('update');
    if (!before) throw new AppError('governance_milestone_not_found', 404);
    const [row] = await tx
      .update(governanceProjectMilestones)
      .set({ done: body.done, doneAt: doneOn ? startOfDayInSeoul(doneOn) : null })
      .where(milestoneWhere(ctx, id, milestoneId))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'governance.milestone.done',
      targetType: 'governance.project',
      targetId: id,
      data: { milestone: milestoneId, done: body.done, doneOn },
    });
    if (body.done && !before.done)
      await recordUpdate(tx, ctx, project, 'milestone', {
        ko: `추진 단계 '${row.title}'을(를) 마쳤습니다.`,
        en: `Milestone reached: ${row.titleEn ?? row.title}.`,
      });
    return milestoneOf(row);
  });
}

/**
 * Staff add an account of the organization to the group. The project row is locked first, so two
 * parallel additions count one after the other: the 11th member is refused (409), never stored.
 */
export async function addMember(ctx: SignedInCtx, id: string, body: MemberBody) {
  return ctx.db.transaction(async (tx) => {
    await lockProject(tx, ctx, id);
    const [person] = await tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .innerJoin(
        memberships,
        and(eq(memberships.userId, users.id), eq(memberships.organizationId, ctx.organizationId)),
      )
      .where(and(eq(users.emailNormalized, normalizeEmail(body.email)), sql`${users.deletedAt} is null`))
      .limit(1);
    if (!person) throw new AppError('governance_group_account_not_found', 404);
    const current = await tx
      .select({ userId: governanceGroupMembers.userId, role: governanceGroupMembers.role })
      .from(governanceGroupMembers)
      .where(forOrg(governanceGroupMembers, ctx, eq(governanceGroupMembers.projectId, id)));
    if (current.some((m) => m.userId === person.id))
      throw new AppError('governance_group_already_member', 409);
    if (current.length >= GROUP_MAX_MEMBERS)
      throw new AppError('governance_group_full', 409, { max: GROUP_MAX_MEMBERS });
    if (body.role === 'chair' && current.some((m) => m.role === 'chair'))
      throw new AppError('governance_group_one_chair', 409);
    await tx.insert(governanceGroupMembers).values({
      organizationId: ctx.organizationId,
      projectId: id,
      userId: person.id,
      kind: body.kind,
      role: body.role,
      addedBy: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'governance.member.add',
      targetType: 'governance.project',
      targetId: id,
      data: { userId: person.id, kind: body.kind, role: body.role },
    });
    return { userId: person.id, name: person.name, kind: body.kind, role: body.role };
  });
}

export async function removeMember(ctx: SignedInCtx, id: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    await lockProject(tx, ctx, id);
    const gone = await tx
      .delete(governanceGroupMembers)
      .where(
        forOrg(
          governanceGroupMembers,
          ctx,
          eq(governanceGroupMembers.projectId, id),
          eq(governanceGroupMembers.userId, userId),
        ),
      )
      .returning({ userId: governanceGroupMembers.userId });
    if (gone.length === 0) throw new AppError('governance_group_not_found', 404);
    await writeAudit(tx, ctx, {
      action: 'governance.member.remove',
      targetType: 'governance.project',
      targetId: id,
      data: { userId },
    });
  });
}

/** Attendees and task owners must be members of this group. */
async function assertMembers(tx: DbOrTx, ctx: SignedInCtx, projectId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  const [row] = await tx
    .select({ n: count() })
    .from(governanceGroupMembers)
    .where(
      forOrg(
        governanceGroupMembers,
        ctx,
        eq(governanceGroupMembers.projectId, projectId),
        inArray(governanceGroupMembers.userId, userIds),
      ),
    );
  if (Number(row?.n ?? 0) !== new Set(userIds).size) throw new AppError('governance_not_a_member', 400);
}

async function writeAttendance(tx: DbOrTx, ctx: SignedInCtx, meetingId: string, userIds: string[]) {
  await tx
    .delete(governanceMeetingAttendance)
    .where(forOrg(governanceMeetingAttendance, ctx, eq(governanceMeetingAttendance.meetingId, meetingId)));
  const unique = [...new Set(userIds)];
  if (unique.length > 0)
    await tx
      .insert(governanceMeetingAttendance)
      .values(unique.map((userId) => ({ organizationId: ctx.organizationId, meetingId, userId })));
}

/** The chair, the secretary or staff record a meeting; its minutes start as a draft. */
export async function createMeeting(ctx: SignedInCtx, projectId: string, body: MeetingBody) {
  return ctx.db.transaction(async (tx) => {
    await recorderAccess(tx, ctx, projectId);
    await assertMembers(tx, ctx, projectId, body.attendees);
    const [row] = await tx
      .insert(governanceMeetings)
      .values({
        organizationId: ctx.organizationId,
        projectId,
        heldOn: body.heldOn,
        title: body.title,
        agenda: body.agenda,
        minutes: body.minutes,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: governanceMeetings.id });
    await writeAttendance(tx, ctx, row.id, body.attendees);
    const [meeting] = await meetingsOf(tx, ctx, projectId, row.id);
    return meeting;
  });
}

async function draftMeeting(tx: DbOrTx, ctx: SignedInCtx, projectId: string, meetingId: string) {
  const [row] = await tx
    .select()
    .from(governanceMeetings)
    .where(
      forOrg(
        governanceMeetings,
        ctx,
        eq(governanceMeetings.id, meetingId),
        eq(governanceMeetings.projectId, projectId),
      ),
    )
    .for('update');
  if (!row) throw new AppError('governance_meeting_not_found', 404);
  if (row.status === 'published') throw new AppError('governance_minutes_published', 409);
  return row;
}

export async function updateMeeting(
  ctx: SignedInCtx,
  projectId: string,
  meetingId: string,
  body: MeetingBody,
) {
  return ctx.db.transaction(async (tx) => {
    await recorderAccess(tx, ctx, projectId);
    await draftMeeting(tx, ctx, projectId, meetingId);
    await assertMembers(tx, ctx, projectId, body.attendees);
    await tx
      .update(governanceMeetings)
      .set({ heldOn: body.heldOn, title: body.title, agenda: body.agenda, minutes: body.minutes })
      .where(forOrg(governanceMeetings, ctx, eq(governanceMeetings.id, meetingId)));
    await writeAttendance(tx, ctx, meetingId, body.attendees);
    const [meeting] = await meetingsOf(tx, ctx, projectId, meetingId);
    return meeting;
  });
}

export async function addDecision(
  ctx: SignedInCtx,
  projectId: string,
  meetingId: string,
  body: DecisionBody,
) {
  return ctx.db.transaction(async (tx) => {
    await recorderAccess(tx, ctx, projectId);
    await draftMeeting(tx, ctx, projectId, meetingId);
    await tx.insert(governanceDecisions).values({
      organizationId: ctx.organizationId,
      meetingId,
      body: body.text,
      method: body.method,
      votesFor: body.votesFor,
      votesAgainst: body.votesAgainst,
      votesAbstain: body.votesAbstain,
    });
    const [meeting] = await meetingsOf(tx, ctx, projectId, meetingId);
    return meeting;
  });
}

/**
 * The chair or the secretary publish the minutes (the group's own act, so staff who are not
 * members cannot): from then on they show on the public project page and followers hear of it.
 */
export async function publishMinutes(ctx: SignedInCtx, projectId: string, meetingId: string) {
  return ctx.db.transaction(async (tx) => {
    const access = await groupAccess(tx, ctx, projectId);
    if (access.role !== 'chair' && access.role !== 'secretary')
      throw new AppError('governance_group_role_required', 403);
    const draft = await draftMeeting(tx, ctx, projectId, meetingId);
    if (draft.minutes.trim() === '') throw new AppError('governance_minutes_empty', 409);
    await tx
      .update(governanceMeetings)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: ctx.actor.userId })
      .where(forOrg(governanceMeetings, ctx, eq(governanceMeetings.id, meetingId)));
    await writeAudit(tx, ctx, {
      action: 'governance.minutes.publish',
      targetType: 'governance.meeting',
      targetId: meetingId,
    });
    const project = await findProject(tx, ctx, projectId);
    await recordUpdate(tx, ctx, project, 'minutes', {
      ko: `${draft.heldOn} 회의록 '${draft.title}'을(를) 공개했습니다.`,
      en: `Minutes of ${draft.heldOn} published: ${draft.title}.`,
    });
    const [meeting] = await meetingsOf(tx, ctx, projectId, meetingId);
    return meeting;
  });
}

export async function addTask(ctx: SignedInCtx, projectId: string, body: TaskBody) {
  return ctx.db.transaction(async (tx) => {
    await recorderAccess(tx, ctx, projectId);
    if (body.ownerId) await assertMembers(tx, ctx, projectId, [body.ownerId]);
    const [row] = await tx
      .insert(governanceTasks)
      .values({
        organizationId: ctx.organizationId,
        projectId,
        title: body.title,
        ownerUserId: body.ownerId,
        dueOn: body.dueOn,
      })
      .returning({ id: governanceTasks.id });
    return row;
  });
}

/** The task's owner, the chair, the secretary or staff mark it done or not done. */
export async function setTaskDone(ctx: SignedInCtx, projectId: string, taskId: string, done: boolean) {
  return ctx.db.transaction(async (tx) => {
    const access = await groupAccess(tx, ctx, projectId);
    const [task] = await tx
      .select()
      .from(governanceTasks)
      .where(
        forOrg(
          governanceTasks,
          ctx,
          eq(governanceTasks.id, taskId),
          eq(governanceTasks.projectId, projectId),
        ),
      );
    if (!task) throw new AppError('governance_task_not_found', 404);
    if (!access.canRecord && task.ownerUserId !== ctx.actor.userId)
      throw new AppError('governance_group_role_required', 403);
    await tx
      .update(governanceTasks)
      .set({ done })
      .where(forOrg(governanceTasks, ctx, eq(governanceTasks.id, taskId)));
    return { id: taskId, done };
  });
}

/** A quarter's monitoring report (a second one for the quarter replaces it); followers hear of it. */
export async function saveReport(ctx: SignedInCtx, projectId: string, body: ReportBody) {
  return ctx.db.transaction(async (tx) => {
    await recorderAccess(tx, ctx, projectId);
    const [row] = await tx
      .insert(governanceMonitoringReports)
      .values({
        organizationId: ctx.organizationId,
        projectId,
        year: body.year,
        quarter: body.quarter,
        body: body.body,
        progressPercent: body.progress,
        writtenBy: ctx.actor.userId,
      })
      .onConflictDoUpdate({
        target: [
          governanceMonitoringReports.projectId,
          governanceMonitoringReports.year,
          governanceMonitoringReports.quarter,
        ],
        set: {
          body: body.body,
          progressPercent: body.progress,
          writtenBy: ctx.actor.userId,
          createdAt: new Date(),
        },
      })
      .returning({ id: governanceMonitoringReports.id });
    const project = await findProject(tx, ctx, projectId);
    await recordUpdate(tx, ctx, project, 'report', {
      ko: `${body.year}년 ${body.quarter}분기 점검 보고가 올라왔습니다(진행률 ${body.progress}%).`,
      en: `Monitoring report for Q${body.quarter} ${body.year} (progress ${body.progress}%).`,
    });
    return row;
  });
}

export async function follow(ctx: SignedInCtx, projectId: string, on: boolean) {
  return ctx.db.transaction(async (tx) => {
    await findProject(tx, ctx, projectId);
    if (on)
      await tx
        .insert(governanceProjectFollows)
        .values({ organizationId: ctx.organizationId, projectId, userId: ctx.actor.userId })
        .onConflictDoNothing();
    else
      await tx
        .delete(governanceProjectFollows)
        .where(
          forOrg(
            governanceProjectFollows,
            ctx,
            eq(governanceProjectFollows.projectId, projectId),
            eq(governanceProjectFollows.userId, ctx.actor.userId),
          ),
        );
    const [row] = await tx
      .select({ n: count() })
      .from(governanceProjectFollows)
      .where(forOrg(governanceProjectFollows, ctx, eq(governanceProjectFollows.projectId, projectId)));
    return { following: on, followers: Number(row?.n ?? 0) };
  });
}
