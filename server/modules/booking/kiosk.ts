import type { FastifyRequest } from 'fastify';
import { CheckinBody } from '../../../contracts/booking.ts';
import { KioskParams, KioskResult } from '../../../contracts/booking-kiosk.ts';
import { AppError } from '../../platform/errors.ts';
import type { SignedInCtx, ZApp } from '../../platform/http.ts';
import { maskName } from '../../platform/privacy/masking.ts';
import { checkIn } from './commands.ts';
import { checkInAtPlace } from './programs/checkin.ts';
import { placeNames } from './queries.ts';

// The check-in kiosk of a place (키오스크, issue 10): a tablet at the entrance signed in with a kiosk
// account (the 'kiosk' role: this check-in and nothing else; staff may use it too).
// A code is tried as a room booking of this place first, then as a program registration with a
// session here; the answer names the person masked (홍*동), the room and the time — never a list.

export async function kioskCheckIn(
  ctx: SignedInCtx,
  placeId: string,
  code: string,
  route: string,
  now = new Date(),
): Promise<KioskResult> {
  const [place] = await placeNames(ctx.db, ctx.organizationId, placeId);
  if (!place) throw new AppError('kiosk_place_not_found', 404);
  const placeName = ctx.locale === 'en' ? place.nameEn : place.nameKo;
  try {
    const b = await checkIn(ctx, { code, placeId }, route, now);
    return {
      kind: 'booking',
      maskedName: b.bookedBy ? maskName(b.bookedBy) : null,
      placeName,
      room: b.resourceName,
      programTitle: null,
      start: b.start,
      end: b.end,
    };
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'booking_checkin_unknown')) throw e;
  }
  const s = await checkInAtPlace(ctx, placeId, code, route, now);
  if (!s) throw new AppError('kiosk_code_unknown', 404);
  return {
    kind: 'session',
    maskedName: s.name ? maskName(s.name) : null,
    placeName,
    room: s.room,
    programTitle: s.programTitle,
    start: s.startsAt,
    end: s.endsAt,
  };
}

const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url}`;

/** Registered by routes.ts with the booking module's other routes. */
export function kioskRoutes(app: ZApp) {
  app.post(
    '/api/v1/booking/kiosk/:placeId/check-in',
    {
      config: { access: { action: 'booking.kiosk.check_in' } },
      schema: { tags: ['booking'], params: KioskParams, body: CheckinBody, response: { 200: KioskResult } },
    },
    async (req) => kioskCheckIn(req.ctx, req.params.placeId, req.body.code, routeOf(req)),
  );
}
