import { asc, eq, gte, inArray } from 'drizzle-orm';
import type { TimedEvent } from '../../../platform/calendar/file.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { bookingPlaces, bookingResources } from '../tables.ts';
import { bookingProgramSessions, bookingPrograms, bookingRegistrations } from './tables.ts';

// A person's program sessions as calendar events: every session of the programs where they hold a
// seat (confirmed, or offered until they answer), one event per session with its own UID, so a
// course of ten sessions is ten events and a changed time updates the event in place.
export async function programSessionEvents(
  db: DbOrTx,
  organizationId: string,
  userId: string,
  opts: { locale: string; linkBase: string | null; since?: Date; programId?: string },
): Promise<TimedEvent[]> {
  const r = bookingRegistrations;
  const s = bookingProgramSessions;
  const p = bookingPrograms;
  const rows = await db
    .select({
      sessionId: s.id,
      programId: p.id,
      titleKo: p.titleKo,
      titleEn: p.titleEn,
      status: r.status,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      online: s.online,
      address: s.address,
      roomKo: bookingResources.nameKo,
      roomEn: bookingResources.nameEn,
      placeKo: bookingPlaces.nameKo,
      placeEn: bookingPlaces.nameEn,
      placeAddress: bookingPlaces.address,
      updatedAt: p.updatedAt,
    })
    .from(r)
    .innerJoin(p, eq(p.id, r.programId))
    .innerJoin(s, eq(s.programId, p.id))
    .leftJoin(bookingResources, eq(bookingResources.id, s.resourceId))
    .leftJoin(bookingPlaces, eq(bookingPlaces.id, bookingResources.placeId))
    .where(
      forOrg(
        r,
        organizationId,
        eq(r.userId, userId),
        inArray(r.status, ['confirmed', 'offered']),
        opts.since ? gte(s.endsAt, opts.since) : undefined,
        opts.programId ? eq(r.programId, opts.programId) : undefined,
      ),
    )
    .orderBy(asc(s.startsAt));
  const en = opts.locale === 'en';
  return rows.map((x) => {
    const room = x.roomKo ? `${en ? x.roomEn : x.roomKo} (${en ? x.placeEn : x.placeKo})` : '';
    const where = x.online ? (en ? 'Online' : '온라인') : room || x.address;
    const offered = x.status === 'offered';
    return {
      uid: `program-session-${x.sessionId}@hamkke`,
      summary: `${offered ? (en ? '[Confirm your seat] ' : '[자리 확정 필요] ') : ''}${en ? x.titleEn : x.titleKo}`,
      description: where ? `${en ? 'Place' : '장소'}: ${where}` : undefined,
      location: x.online ? undefined : x.placeAddress || x.address || room || undefined,
      url: opts.linkBase ? `${opts.linkBase}/booking/programs/${x.programId}` : undefined,
      start: x.startsAt,
      end: x.endsAt,
      updatedAt: x.updatedAt,
    };
  });
}
