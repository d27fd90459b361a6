import { sql } from 'drizzle-orm';
import { queryRows } from '../db/connect.ts';
import type { SignedInCtx } from '../http.ts';
import { decodeCursor, encodeCursor, SERIAL_CURSOR } from '../paging/cursor.ts';
import { logPersonalDataAccessOf } from '../privacy/access-log.ts';

interface Row {
  id: number;
  at: Date | string;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  data: Record<string, unknown>;
  hash: string;
}

/**
 * The organization's audit entries, newest first. They name who acted: each other person shown gets
 * one access-log record, written in the transaction that reads them.
 */
export async function listAudit(
  ctx: SignedInCtx,
  input: { cursor?: string; action?: string; limit: number },
  route: string,
) {
  const after = input.cursor ? decodeCursor(input.cursor, SERIAL_CURSOR)[0] : null;
  const rows = await ctx.db.transaction(async (tx) => {
    const read = await queryRows<Row>(
      tx,
      sql`select a.id, a.at, a.actor_user_id, u.display_name as actor_name, a.action, a.target_type, a.target_id, a.data, a.hash
        from audit_log a left join users u on u.id = a.actor_user_id
        where a.organization_id = ${ctx.organizationId}
          ${input.action ? sql`and a.action = ${input.action}` : sql``}
          ${after ? sql`and a.id < ${after}` : sql``}
        order by a.id desc limit ${input.limit + 1}`,
    );
    const shown = read.slice(0, input.limit).flatMap((r) => (r.actor_user_id ? [r.actor_user_id] : []));
    await logPersonalDataAccessOf(
      tx,
      ctx,
      shown.filter((id) => id !== ctx.actor.userId),
      { fields: ['displayName'], reason: 'admin.audit.read', route },
    );
    return read;
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.actor_name ?? '' } : null,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      data: r.data,
      hash: r.hash,
    })),
    nextCursor: rows.length > input.limit ? encodeCursor([Number(page[page.length - 1].id)]) : null,
  };
}
