import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AppealBody,
  AppealDecisionBody,
  BlockBody,
  Booking,
  BookingBody,
  BookingList,
  CancelBody,
  CheckinBody,
  CheckinResult,
  IdParams,
  MySuspension,
  PlaceList,
  Slots,
  SlotsQuery,
  StaffAppealList,
  StaffAppealsQuery,
  StaffBookingBody,
  StaffBookingList,
  StaffBookingsQuery,
  Suspension,
  TodayQuery,
} from '../../../contracts/booking.ts';
import { Ok } from '../../../contracts/common.ts';
import { linkBase } from '../../platform/auth/link-base.ts';
import { CALENDAR_CONTENT_TYPE, calendarAttachment } from '../../platform/calendar/file.ts';
import { routes } from '../../platform/http.ts';
import { todayInSeoul } from '../../platform/time/index.ts';
import { bookingCalendar } from './calendar.ts';
import {
  appeal,
  approve,
  block,
  book,
  bookFor,
  cancelMine,
  checkIn,
  decideAppeal,
  staffCancel,
} from './commands.ts';
import { kioskRoutes } from './kiosk.ts';
import {
  findMyBooking,
  findMySuspension,
  listAppeals,
  listMyBookings,
  listPlaces,
  listResourceBookings,
  listSlots,
  listToday,
  listWaiting,
  placeAddressOf,
} from './queries.ts';
import { statsRoutes } from './stats.ts';

const tags = ['booking'];
const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url}`;
const manage = { action: 'booking.manage' };

export const bookingRoutes = routes((app) => {
  app.get(
    '/api/v1/booking/places',
    { config: { access: 'public' }, schema: { tags, response: { 200: PlaceList } } },
    async (req) => ({ items: await listPlaces(req.ctx) }),
  );
  app.get(
    '/api/v1/booking/resources/:id/slots',
    {
      config: { access: 'public' },
      schema: { tags, params: IdParams, querystring: SlotsQuery, response: { 200: Slots } },
    },
    async (req) => listSlots(req.ctx, req.params.id, req.query.date, req.query.days ?? 1),
  );
  app.post(
    '/api/v1/booking/bookings',
    {
      config: { access: 'signed-in' },
      schema: { tags, body: BookingBody, response: { 200: Booking } },
    },
    async (req) => book(req.ctx, req.body),
  );
  app.get(
    '/api/v1/booking/bookings/mine',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: BookingList } } },
    async (req) => ({ items: await listMyBookings(req.ctx) }),
  );
  app.post(
    '/api/v1/booking/bookings/:id/cancel',
    { config: { access: 'signed-in' }, schema: { tags, params: IdParams, response: { 200: Booking } } },
    async (req) => cancelMine(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/booking/bookings/:id/calendar.ics',
    {
      config: { access: 'signed-in' },
      schema: { tags, params: IdParams, response: { 200: z.string().describe('text/calendar (RFC 5545)') } },
    },
    async (req, reply) => {
      const booking = await findMyBooking(req.ctx, req.params.id);
      const address = await placeAddressOf(req.ctx.db, req.ctx.organizationId, booking.resourceId);
      reply
        .type(CALENDAR_CONTENT_TYPE)
        .header('content-disposition', calendarAttachment(`booking-${booking.id.slice(0, 8)}`))
        .header('cache-control', 'private, no-cache');
      return bookingCalendar(booking, address, await linkBase(req));
    },
  );

  // Staff
  app.get(
    '/api/v1/booking/staff/resources/:id/bookings',
    {
      config: { access: manage },
      schema: {
        tags,
        params: IdParams,
        querystring: StaffBookingsQuery,
        response: { 200: StaffBookingList },
      },
    },
    async (req) => ({
      items: await listResourceBookings(
        req.ctx,
        req.params.id,
        req.query.from ?? todayInSeoul(),
        Math.min(Math.max(req.query.days ?? 7, 1), 31),
        routeOf(req),
      ),
    }),
  );
  app.get(
    '/api/v1/booking/staff/waiting',
    { config: { access: manage }, schema: { tags, response: { 200: StaffBookingList } } },
    async (req) => ({ items: await listWaiting(req.ctx, routeOf(req)) }),
  );
  app.post(
    '/api/v1/booking/staff/bookings/:id/cancel',
    {
      config: { access: manage },
      schema: { tags, params: IdParams, body: CancelBody, response: { 200: Ok } },
    },
    async (req) => staffCancel(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/booking/staff/bookings/:id/approve',
    { config: { access: manage }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => approve(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/booking/staff/bookings',
    {
      config: { access: manage },
      schema: {
        tags,
        body: StaffBookingBody,
        response: { 200: z.object({ id: z.uuid(), status: z.literal('confirmed') }) },
      },
    },
    async (req) => bookFor(req.ctx, req.body),
  );
  app.post(
    '/api/v1/booking/staff/blocks',
    {
      config: { access: manage },
      schema: { tags, body: BlockBody, response: { 200: z.object({ id: z.uuid() }) } },
    },
    async (req) => block(req.ctx, req.body),
  );

  // Check-in, no-shows and suspension
  app.get(
    '/api/v1/booking/suspension/mine',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: MySuspension } } },
    async (req) => ({ suspension: await findMySuspension(req.ctx) }),
  );
  app.post(
    '/api/v1/booking/suspension/appeal',
    { config: { access: 'signed-in' }, schema: { tags, body: AppealBody, response: { 200: Suspension } } },
    async (req) => appeal(req.ctx, req.body),
  );
  app.get(
    '/api/v1/booking/staff/today',
    {
      config: { access: manage },
      schema: { tags, querystring: TodayQuery, response: { 200: StaffBookingList } },
    },
    async (req) => ({ items: await listToday(req.ctx, req.query.placeId, routeOf(req)) }),
  );
  app.post(
    '/api/v1/booking/staff/check-in',
    { config: { access: manage }, schema: { tags, body: CheckinBody, response: { 200: CheckinResult } } },
    async (req) => checkIn(req.ctx, { code: req.body.code }, routeOf(req)),
  );
  app.post(
    '/api/v1/booking/staff/bookings/:id/check-in',
    { config: { access: manage }, schema: { tags, params: IdParams, response: { 200: CheckinResult } } },
    async (req) => checkIn(req.ctx, { id: req.params.id }, routeOf(req)),
  );
  app.get(
    '/api/v1/booking/staff/appeals',
    {
      config: { access: manage },
      schema: { tags, querystring: StaffAppealsQuery, response: { 200: StaffAppealList } },
    },
    async (req) => listAppeals(req.ctx, req.query.cursor, routeOf(req)),
  );
  app.post(
    '/api/v1/booking/staff/suspensions/:id/lift',
    {
      config: { access: manage },
      schema: { tags, params: IdParams, body: AppealDecisionBody, response: { 200: Ok } },
    },
    async (req) => decideAppeal(req.ctx, req.params.id, true, req.body),
  );
  app.post(
    '/api/v1/booking/staff/suspensions/:id/reject',
    {
      config: { access: manage },
      schema: { tags, params: IdParams, body: AppealDecisionBody, response: { 200: Ok } },
    },
    async (req) => decideAppeal(req.ctx, req.params.id, false, req.body),
  );
  statsRoutes(app);
  kioskRoutes(app);
});
