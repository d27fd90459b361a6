import { and, eq, isNotNull, min } from 'drizzle-orm';
import type { MinutesBody } from '../../../../contracts/booking-programs.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { enqueueNotification } from '../../../platform/notify/index.ts';
import { PROGRAM_MINUTES_PUBLISHED } from './notify.ts';
import { findProgram } from './queries.ts';
import { bookingProgramSessions, bookingPrograms, bookingRegistrations } from './tables.ts';

/**
 * Staff publish (or correct) what a held program decided: a town hall's or forum's minutes, shown on
 * its page. Refused before the first session has begun, since there is nothing yet to report.
 */
export async function publishMinutes(
  ctx: SignedInCtx,
  programId: string,
  body: MinutesBody,
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const program = await findProgram(tx, ctx.organizationId, programId, true);
    const [first] = await tx
      .select({ at: min(bookingProgramSessions.startsAt) })
      .from(bookingProgramSessions)
      .where(and(forOrg(bookingProgramSessions, ctx), eq(bookingProgramSessions.programId, programId)));
    if (!first?.at || new Date(first.at) > now) throw new AppError('program_not_held_yet', 409);
    const minutesEn = body.minutesEn ? body.minutesEn : null;
    // Locked, so two staff publishing at once send the notifications once.
    const [before] = await tx
      .select({ publishedAt: bookingPrograms.minutesPublishedAt })
      .from(bookingPrograms)
      .where(forOrg(bookingPrograms, ctx, eq(bookingPrograms.id, program.id)))
      .for('update');
    const firstTime = !before?.publishedAt;
    await tx
      .update(bookingPrograms)
      .set({ minutes: body.minutes, minutesEn, minutesPublishedAt: now, updatedAt: now })
      .where(forOrg(bookingPrograms, ctx, eq(bookingPrograms.id, program.id)));
    await writeAudit(tx, ctx, {
      action: 'booking.program_minutes',
      targetType: 'booking.program',
      targetId: program.id,
      data: {
        characters: body.minutes.length,
        charactersEn: minutesEn?.length ?? 0,
        corrected: !firstTime,
      },
    });
    if (firstTime) await tellParticipants(tx, ctx, program);
    return { minutesPublishedAt: now.toISOString() };
  });
}

/** One notification through the outbox to each confirmed registrant (attendees included). */
async function tellParticipants(
  tx: DbOrTx,
  ctx: SignedInCtx,
  program: { id: string; titleKo: string; titleEn: string },
) {
  const people = await tx
    .selectDistinct({ userId: bookingRegistrations.userId })
    .from(bookingRegistrations)
    .where(
      and(
        forOrg(bookingRegistrations, ctx),
        eq(bookingRegistrations.programId, program.id),
        eq(bookingRegistrations.status, 'confirmed'),
        isNotNull(bookingRegistrations.userId),
      ),
    );
  for (const { userId } of people)
    if (userId)
      await enqueueNotification(
        tx,
        {
          organizationId: ctx.organizationId,
          userId,
          kind: PROGRAM_MINUTES_PUBLISHED,
          title: {
            ko: `「${program.titleKo}」의 회의 결과가 공개되었습니다.`,
            en: `The minutes of “${program.titleEn}” are published.`,
          },
          body: {
            ko: '참여하신 행사에서 정한 내용을 행사 페이지에서 읽으실 수 있습니다.',
            en: 'You can read what was decided on the program’s page.',
          },
          link: `/booking/programs/${program.id}`,
        },
        ctx.jobs,
      );
}
