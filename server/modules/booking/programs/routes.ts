import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CheckinBody } from '../../../../contracts/booking.ts';
import {
  AttendanceAnswer,
  AttendanceBody,
  DigestAnswer,
  Draw,
  DrawBody,
  MinutesAnswer,
  MinutesBody,
  MyRegistration,
  MyRegistrationList,
  Program,
  ProgramBody,
  ProgramIdParams,
  ProgramList,
  ProgramsQuery,
  RegisterBody,
  RegistrationParams,
  RollCall,
  RollCallQuery,
  SessionCheckinResult,
  SessionParams,
  StaffRegistrationList,
  StaffRegistrationsQuery,
  SurveyBody,
  SurveyResults,
} from '../../../../contracts/booking-programs.ts';
import { linkBase } from '../../../platform/auth/link-base.ts';
import { CALENDAR_CONTENT_TYPE, calendarAttachment, calendarFile } from '../../../platform/calendar/file.ts';
import { AppError } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http.ts';
import { markAttendance, rollCall } from './attendance.ts';
import { programSessionEvents } from './calendar.ts';
import { certificateFor } from './certificate.ts';
import { checkInToSession } from './checkin.ts';
import { cancelMine, confirmMine, drawProgram, publishDigest, registerFor, saveProgram } from './commands.ts';
import { publishMinutes } from './minutes.ts';
import { getDraw, getProgram, listMyRegistrations, listPrograms, listRegistrations } from './queries.ts';
import { answerSurvey, surveyResults } from './survey.ts';

const tags = ['booking'];
const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url}`;
const manage = { action: 'booking.programs.manage' };
const params = ProgramIdParams;
const Created = z.object({ id: z.uuid() });
const Pdf = z.string().describe('application/pdf');
const pdfHeaders = (reply: FastifyReply, number: string) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="certificate-${number}.pdf"`)
    .header('cache-control', 'private, no-store');

export const programRoutes = routes((app) => {
  app.get(
    '/api/v1/booking/programs',
    {
      config: { access: 'public' },
      schema: { tags, querystring: ProgramsQuery, response: { 200: ProgramList } },
    },
    async (req) => listPrograms(req.ctx, req.query),
  );
  app.get(
    '/api/v1/booking/programs/:id',
    { config: { access: 'public' }, schema: { tags, params, response: { 200: Program } } },
    async (req) => getProgram(req.ctx, req.params.id),
  );
  // The draw is public: anyone can run lottery.ts again on it and get the same winners.
  app.get(
    '/api/v1/booking/programs/:id/draw',
    { config: { access: 'public' }, schema: { tags, params, response: { 200: Draw } } },
    async (req) => getDraw(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/booking/programs/:id/registration',
    {
      config: { access: 'signed-in' },
      schema: { tags, params, body: RegisterBody, response: { 200: MyRegistration } },
    },
    async (req) => registerFor(req.ctx, req.params.id, req.body ?? {}),
  );
  app.delete(
    '/api/v1/booking/programs/:id/registration',
    { config: { access: 'signed-in' }, schema: { tags, params, response: { 200: MyRegistration } } },
    async (req) => cancelMine(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/booking/programs/:id/registration/confirm',
    { config: { access: 'signed-in' }, schema: { tags, params, response: { 200: MyRegistration } } },
    async (req) => confirmMine(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/booking/programs/:id/certificate.pdf',
    { config: { access: 'signed-in' }, schema: { tags, params, response: { 200: Pdf } } },
    async (req, reply) => {
      const { pdf, number } = await certificateFor(req.ctx, req.params.id);
      pdfHeaders(reply, number);
      // Bytes are sent as they are (Fastify never serializes a Buffer); the schema names the type.
      return pdf as unknown as string;
    },
  );
  app.post(
    '/api/v1/booking/programs/:id/survey',
    {
      config: { access: 'signed-in' },
      schema: { tags, params, body: SurveyBody, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (req) => answerSurvey(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/booking/programs/:id/calendar.ics',
    {
      config: { access: 'signed-in' },
      schema: { tags, params, response: { 200: z.string().describe('text/calendar (RFC 5545)') } },
    },
    async (req, reply) => {
      const events = await programSessionEvents(req.ctx.db, req.ctx.organizationId, req.ctx.actor.userId, {
        locale: req.ctx.locale,
        linkBase: await linkBase(req),
        programId: req.params.id,
      });
      // No seat held (or no such program): nothing of theirs to put in a calendar.
      if (events.length === 0) throw new AppError('program_registration_not_found', 404);
      reply
        .type(CALENDAR_CONTENT_TYPE)
        .header('content-disposition', calendarAttachment(`program-${req.params.id.slice(0, 8)}`))
        .header('cache-control', 'private, no-cache');
      return calendarFile({ events });
    },
  );
  app.get(
    '/api/v1/booking/registrations/mine',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: MyRegistrationList } } },
    async (req) => ({ items: await listMyRegistrations(req.ctx) }),
  );

  // Staff
  app.post(
    '/api/v1/booking/staff/programs',
    { config: { access: manage }, schema: { tags, body: ProgramBody, response: { 200: Created } } },
    async (req) => saveProgram(req.ctx, req.body),
  );
  app.put(
    '/api/v1/booking/staff/programs/:id',
    { config: { access: manage }, schema: { tags, params, body: ProgramBody, response: { 200: Created } } },
    async (req) => saveProgram(req.ctx, req.body, req.params.id),
  );
  app.get(
    '/api/v1/booking/staff/programs/:id/registrations',
    {
      config: { access: manage },
      schema: {
        tags,
        params,
        querystring: StaffRegistrationsQuery,
        response: { 200: StaffRegistrationList },
      },
    },
    async (req) => listRegistrations(req.ctx, req.params.id, routeOf(req), req.query),
  );
  app.get(
    '/api/v1/booking/staff/programs/:id/sessions/:sessionId/attendance',
    {
      config: { access: manage },
      schema: { tags, params: SessionParams, querystring: RollCallQuery, response: { 200: RollCall } },
    },
    async (req) => rollCall(req.ctx, req.params.id, req.params.sessionId, routeOf(req), req.query),
  );
  app.put(
    '/api/v1/booking/staff/programs/:id/sessions/:sessionId/attendance',
    {
      config: { access: manage },
      schema: { tags, params: SessionParams, body: AttendanceBody, response: { 200: AttendanceAnswer } },
    },
    async (req) => markAttendance(req.ctx, req.params.id, req.params.sessionId, req.body),
  );
  app.post(
    '/api/v1/booking/staff/programs/:id/sessions/:sessionId/check-in',
    {
      config: { access: manage },
      schema: { tags, params: SessionParams, body: CheckinBody, response: { 200: SessionCheckinResult } },
    },
    async (req) =>
      checkInToSession(req.ctx, req.params.id, req.params.sessionId, req.body.code, routeOf(req)),
  );
  app.get(
    '/api/v1/booking/staff/programs/:id/registrations/:registrationId/certificate.pdf',
    { config: { access: manage }, schema: { tags, params: RegistrationParams, response: { 200: Pdf } } },
    async (req, reply) => {
      const { pdf, number } = await certificateFor(req.ctx, req.params.id, {
        registrationId: req.params.registrationId,
        route: routeOf(req),
      });
      pdfHeaders(reply, number);
      // Bytes are sent as they are (Fastify never serializes a Buffer); the schema names the type.
      return pdf as unknown as string;
    },
  );
  app.get(
    '/api/v1/booking/staff/programs/:id/survey',
    { config: { access: manage }, schema: { tags, params, response: { 200: SurveyResults } } },
    async (req) => surveyResults(req.ctx, req.params.id),
  );
  app.put(
    '/api/v1/booking/staff/programs/:id/minutes',
    {
      config: { access: manage },
      schema: { tags, params, body: MinutesBody, response: { 200: MinutesAnswer } },
    },
    async (req) => publishMinutes(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/booking/staff/programs/:id/digest',
    { config: { access: manage }, schema: { tags, params, response: { 200: DigestAnswer } } },
    async (req) => publishDigest(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/booking/staff/programs/:id/draw',
    { config: { access: manage }, schema: { tags, params, body: DrawBody, response: { 200: Draw } } },
    async (req) => drawProgram(req.ctx, req.params.id, req.body.seed),
  );
});
