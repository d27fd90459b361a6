import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import type { SignedInCtx } from '../http.ts';
import { nameForLocale } from '../i18n/person-name.ts';
import { decodeCursor, encodeCursor, SERIAL_CURSOR } from '../paging/cursor.ts';
import { assertAccessLabelled, fieldLabel, reasonLabel } from './access-log-labels.ts';
import { personalDataAccessLog } from './access-log-tables.ts';
import { maskName } from './masking.ts';

/** Who read: only a signed-in person can be recorded as the reader. */
type Reader = Pick<SignedInCtx, 'actor' | 'organizationId' | 'ip' | 'requestId'>;

export interface PersonalDataAccess {
  subjectUserId: string;
  fields: string[]; // which personal data was shown: 'email', 'displayName', ... (each named in access-log-labels.ts)
  reason: string; // a code named in the messages ('access.reason.<code>'), or what the reader typed
  /** The reason is what the reader typed (an admin's search), shown as written. */
  reasonTyped?: boolean;
  route?: string;
}

/**
 * Records that the actor viewed or exported another person's personal data. Call it in the
 * transaction that reads the data, so a read without its record cannot happen.
 */
export async function logPersonalDataAccess(
  tx: DbOrTx,
  ctx: Reader,
  input: PersonalDataAccess,
): Promise<void> {
  const { subjectUserId, ...rest } = input;
  await logPersonalDataAccessOf(tx, ctx, [subjectUserId], rest);
}

/** One record per person shown, in one statement (lists that show many people's data). */
export async function logPersonalDataAccessOf(
  tx: DbOrTx,
  ctx: Reader,
  subjectUserIds: string[],
  input: Omit<PersonalDataAccess, 'subjectUserId'>,
): Promise<void> {
  const actorUserId = ctx.actor.userId;
  // Checked before anything is written or skipped: a record the log could not show in words is a bug.
  assertAccessLabelled(input.fields, input.reason, input.reasonTyped === true);
  const subjects = [...new Set(subjectUserIds)];
  if (subjects.length === 0) return;
  await tx.insert(personalDataAccessLog).values(
    subjects.map((subjectUserId) => ({
      organizationId: ctx.organizationId,
      actorUserId,
      subjectUserId,
      fields: input.fields,
      reason: input.reason.slice(0, 500),
      ip: ctx.ip?.slice(0, 64) ?? null,
      route: input.route?.slice(0, 300) ?? null,
      requestId: ctx.requestId ?? null,
    })),
  );
}

interface Row {
  id: number;
  at: Date | string;
  actor_user_id: string;
  actor_name: string | null;
  subject_user_id: string;
  subject_name: string | null;
  fields: string[];
  reason: string;
  ip: string | null;
  route: string | null;
}

/**
 * The organization's access log for admins, newest first; the subject's name is masked. It shows who
 * read (name and IP): each other reader shown gets a record of this read, in the same transaction.
 */
export async function listPersonalDataAccess(
  ctx: SignedInCtx,
  input: { cursor?: string; subjectUserId?: string; limit: number },
  route?: string,
) {
  const after = input.cursor ? decodeCursor(input.cursor, SERIAL_CURSOR)[0] : null;
  const rows = await ctx.db.transaction(async (tx) => {
    const read = await queryRows<Row>(
      tx,
      sql`select l.id, l.at, l.actor_user_id, a.display_name as actor_name, l.subject_user_id, s.display_name as subject_name,
                 l.fields, l.reason, l.ip, l.route
          from personal_data_access_log l
          left join users a on a.id = l.actor_user_id
          left join users s on s.id = l.subject_user_id
          where l.organization_id = ${ctx.organizationId}
            ${input.subjectUserId ? sql`and l.subject_user_id = ${input.subjectUserId}` : sql``}
            ${after ? sql`and l.id < ${after}` : sql``}
          order by l.id desc limit ${input.limit + 1}`,
    );
    const readers = read.slice(0, input.limit).map((r) => r.actor_user_id);
    await logPersonalDataAccessOf(
      tx,
      ctx,
      readers.filter((id) => id !== ctx.actor.userId),
      { fields: ['displayName', 'ip'], reason: 'admin.access-log.read', route },
    );
    return read;
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => {
      const fields: string[] = typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields;
      return {
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        actor: { id: r.actor_user_id, displayName: r.actor_name ?? '' },
        subject: { id: r.subject_user_id, displayName: maskName(r.subject_name ?? '') },
        // What people read: names for the reader's language, fields and reasons in words.
        actorLabel: nameForLocale(r.actor_name ?? '', ctx.locale),
        subjectLabel: nameForLocale(maskName(r.subject_name ?? ''), ctx.locale),
        fields,
        fieldLabels: fields.map((f) => fieldLabel(ctx.locale, f)),
        reason: r.reason,
        reasonLabel: reasonLabel(ctx.locale, r.reason),
        ip: r.ip,
        route: r.route,
      };
    }),
    nextCursor: rows.length > input.limit ? encodeCursor([Number(page[page.length - 1].id)]) : null,
  };
}
