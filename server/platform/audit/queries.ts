import { sql } from 'drizzle-orm';
import { queryRows } from '../db/connect.ts';
import type { Ctx } from '../http.ts';

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

/** The organization's audit entries, newest first. */
export async function listAudit(ctx: Ctx, input: { cursor?: string; action?: string; limit: number }) {
  const rows = await queryRows<Row>(
    ctx.db,
    sql`select a.id, a.at, a.actor_user_id, u.display_name as actor_name, a.action, a.target_type, a.target_id, a.data, a.hash
        from audit_log a left join users u on u.id = a.actor_user_id
        where a.organization_id = ${ctx.organizationId}
          ${input.action ? sql`and a.action = ${input.action}` : sql``}
          ${input.cursor ? sql`and a.id < ${Number(input.cursor)}` : sql``}
        order by a.id desc limit ${input.limit + 1}`,
  );
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
    nextCursor: rows.length > input.limit ? String(page[page.length - 1].id) : null,
  };
}
