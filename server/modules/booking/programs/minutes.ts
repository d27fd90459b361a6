import { and, eq, min } from 'drizzle-orm';
import type { MinutesBody } from '../../../../contracts/booking-programs.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { findProgram } from './queries.ts';
import { bookingProgramSessions, bookingPrograms } from './tables.ts';

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
    await tx
      .update(bookingPrograms)
      .set({ minutes: body.minutes, minutesPublishedAt: now, updatedAt: now })
      .where(forOrg(bookingPrograms, ctx, eq(bookingPrograms.id, program.id)));
    await writeAudit(tx, ctx, {
      action: 'booking.program_minutes',
      targetType: 'booking.program',
      targetId: program.id,
      data: { characters: body.minutes.length, corrected: program.minutes !== null },
    });
    return { minutesPublishedAt: now.toISOString() };
  });
}
