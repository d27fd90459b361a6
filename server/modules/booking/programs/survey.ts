import { desc, eq, ne, sql } from 'drizzle-orm';
import type { SurveyBody, SurveyResults } from '../../../../contracts/booking-programs.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import { findProgram, progressOf } from './queries.ts';
import { bookingAttendance, bookingRegistrations, bookingSurveys } from './tables.ts';

// The satisfaction survey (만족도 조사) after the last session: overall 1–5, would recommend, and a
// comment, once per person and program, from people who attended at least one session. Staff see
// the counts, the average and the comments, never who answered.

/** Comments shown to staff: the newest. */
const COMMENTS_SHOWN = 50;

export async function answerSurvey(ctx: SignedInCtx, programId: string, body: SurveyBody, now = new Date()) {
  await ctx.db.transaction(async (tx) => {
    await findProgram(tx, ctx.organizationId, programId);
    const [reg] = await tx
      .select({ id: bookingRegistrations.id, programId: bookingRegistrations.programId })
      .from(bookingRegistrations)
      .where(
        forOrg(
          bookingRegistrations,
          ctx,
          eq(bookingRegistrations.programId, programId),
          eq(bookingRegistrations.userId, ctx.actor.userId),
          eq(bookingRegistrations.status, 'confirmed'),
        ),
      );
    const progress = reg ? (await progressOf(tx, ctx.organizationId, [reg])).get(reg.id) : undefined;
    if (!reg || !progress || progress.attended === 0)
      throw new AppError('program_survey_attendees_only', 403);
    if (!progress.lastEndsAt || progress.lastEndsAt > now) throw new AppError('program_survey_not_yet', 409);
    const [row] = await tx
      .insert(bookingSurveys)
      .values({
        organizationId: ctx.organizationId,
        programId,
        registrationId: reg.id,
        overall: body.overall,
        recommend: body.recommend,
        comment: body.comment,
        createdAt: now,
      })
      .onConflictDoNothing({ target: bookingSurveys.registrationId })
      .returning({ id: bookingSurveys.id });
    if (!row) throw new AppError('program_survey_answered', 409);
    // The answer itself is not in the log: staff read it only in the aggregate.
    await writeAudit(tx, ctx, {
      action: 'booking.survey_answered',
      targetType: 'booking.program',
      targetId: programId,
    });
  });
  return { ok: true as const };
}

/** The program's survey for staff: counts per score, the average, recommendations and comments. */
export async function surveyResults(ctx: Ctx, programId: string): Promise<SurveyResults> {
  await findProgram(ctx.db, ctx.organizationId, programId);
  const s = bookingSurveys;
  const [agg] = await ctx.db
    .select({
      responses: sql<number>`count(*)::int`,
      average: sql<string | null>`round(avg(${s.overall}), 2)::text`,
      recommend: sql<number>`(count(*) filter (where ${s.recommend}))::int`,
      d1: sql<number>`(count(*) filter (where ${s.overall} = 1))::int`,
      d2: sql<number>`(count(*) filter (where ${s.overall} = 2))::int`,
      d3: sql<number>`(count(*) filter (where ${s.overall} = 3))::int`,
      d4: sql<number>`(count(*) filter (where ${s.overall} = 4))::int`,
      d5: sql<number>`(count(*) filter (where ${s.overall} = 5))::int`,
    })
    .from(s)
    .where(forOrg(s, ctx, eq(s.programId, programId)));
  const [attendees] = await ctx.db
    .select({ n: sql<number>`count(distinct ${bookingAttendance.registrationId})::int` })
    .from(bookingAttendance)
    .innerJoin(bookingRegistrations, eq(bookingRegistrations.id, bookingAttendance.registrationId))
    .where(
      forOrg(
        bookingAttendance,
        ctx,
        eq(bookingRegistrations.programId, programId),
        eq(bookingAttendance.present, true),
      ),
    );
  const comments = await ctx.db
    .select({ comment: s.comment })
    .from(s)
    .where(forOrg(s, ctx, eq(s.programId, programId), ne(s.comment, '')))
    .orderBy(desc(s.createdAt))
    .limit(COMMENTS_SHOWN);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    responses: n(agg?.responses),
    attendees: n(attendees?.n),
    average: agg?.average == null ? null : Number(agg.average),
    distribution: [n(agg?.d1), n(agg?.d2), n(agg?.d3), n(agg?.d4), n(agg?.d5)],
    recommend: n(agg?.recommend),
    comments: comments.map((c) => c.comment),
  };
}
