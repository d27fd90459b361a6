import { and, asc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { PolicyIdParams } from '../../../../contracts/youth-policies.ts';
import { linkBase } from '../../../platform/auth/link-base.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http.ts';
import { addDays, todayInSeoul } from '../../../platform/time/index.ts';
import { youthPolicies, youthPolicyRounds } from './tables.ts';

// "Add the application deadline to my calendar": an iCalendar file (RFC 5545) with one all-day
// event on the last day of each application round that has not ended yet (the current round and
// any later ones; past rounds are left out, they are no use in a calendar). Written by hand: the
// format is small, and the escaping and folding rules below are the whole of what matters.

export interface CalendarRound {
  startsOn: string;
  endsOn: string;
}

export interface DeadlineCalendar {
  policyId: string;
  title: string;
  url: string;
  /** The policy's last change: the events' DTSTAMP, so the same policy gives the same file. */
  updatedAt: Date;
  rounds: CalendarRound[];
}

/** TEXT values: backslash, semicolon and comma are escaped, every line break becomes \n. */
export const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

const encoder = new TextEncoder();

/**
 * Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character
 * (a Korean syllable is three octets).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines begin with the space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (isoDate: string) => isoDate.replaceAll('-', '');
const utcStamp = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

export function deadlineCalendar(c: DeadlineCalendar): string {
  const host = new URL(c.url).host || 'hamkke';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hamkke//Youth policy deadlines//KO'];
  lines.push('CALSCALE:GREGORIAN', 'METHOD:PUBLISH');
  for (const r of c.rounds) {
    lines.push(
      'BEGIN:VEVENT',
      // Stable per policy and round, so downloading again updates the event instead of adding one.
      `UID:youth-${c.policyId}-${basicDate(r.startsOn)}-${basicDate(r.endsOn)}@${host}`,
      `DTSTAMP:${utcStamp(c.updatedAt)}`,
      // All-day: DTEND is the day after (exclusive).
      `DTSTART;VALUE=DATE:${basicDate(r.endsOn)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(r.endsOn, 1))}`,
      `SUMMARY:${escapeText(`[마감] ${c.title}`)}`,
      `DESCRIPTION:${escapeText(`신청 기간 ${r.startsOn} ~ ${r.endsOn}\n${c.url}`)}`,
      `URL:${c.url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** A published policy's rounds ending today or later; null when there is no such policy. */
export async function deadlineRounds(db: DbOrTx, organizationId: string, id: string, today = todayInSeoul()) {
  const [p] = await db
    .select({
      id: youthPolicies.id,
      title: youthPolicies.title,
      status: youthPolicies.status,
      applyPeriodKind: youthPolicies.applyPeriodKind,
      updatedAt: youthPolicies.updatedAt,
    })
    .from(youthPolicies)
    .where(and(eq(youthPolicies.organizationId, organizationId), eq(youthPolicies.id, id)));
  if (p?.status !== 'published') return null;
  // Always-open and closed policies have no deadline, whatever rounds they kept.
  const rounds =
    p.applyPeriodKind === 'dates'
      ? await db
          .select({ startsOn: youthPolicyRounds.startsOn, endsOn: youthPolicyRounds.endsOn })
          .from(youthPolicyRounds)
          .where(and(eq(youthPolicyRounds.policyId, id), gte(youthPolicyRounds.endsOn, today)))
          .orderBy(asc(youthPolicyRounds.endsOn), asc(youthPolicyRounds.startsOn))
      : [];
  return { ...p, rounds };
}

export const calendarRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/policies/:id/deadline.ics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['youth'],
        params: PolicyIdParams,
        response: { 200: z.string().describe('text/calendar (RFC 5545)') },
      },
    },
    async (req, reply) => {
      const found = await deadlineRounds(req.ctx.db, req.ctx.organizationId, req.params.id);
      if (!found) throw new AppError('not_found', 404);
      if (found.rounds.length === 0) throw new AppError('youth_no_deadline', 404);
      const url = `${await linkBase(req)}/youth/policies/${found.id}`;
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="policy-deadline-${found.id.slice(0, 8)}.ics"`)
        .header('cache-control', 'no-cache');
      return deadlineCalendar({
        policyId: found.id,
        title: found.title,
        url,
        updatedAt: found.updatedAt,
        rounds: found.rounds,
      });
    },
  );
});
