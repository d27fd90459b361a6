import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  DocumentBody,
  DocumentKind,
  DocumentListQuery,
  DocumentPage,
} from '../../../../contracts/governance-project-records.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { cursorKey, decodeCursor, pageOf } from '../../../platform/paging/cursor.ts';
import { logPersonalDataAccessOf } from '../../../platform/privacy/access-log.ts';
import { type GroupAccess, groupAccess, recorderAccess } from './access.ts';
import { governanceGroupDocuments as D } from './tables.ts';

// The working group's documents (자료): a link (https only) and/or a short note, of a kind. Any
// member (and staff) adds one; the chair, the secretary or staff remove one. Both are audited.
// Everyone outside the group gets the space's 404.

const NEWEST_CURSOR = z.tuple([cursorKey.timestamp, cursorKey.uuid]);
export const DOCUMENTS_FIRST_PAGE = 20;

/** A page of the group's documents, newest first; staff who are not members read the adders' names: logged. */
export async function documentsOf(
  tx: DbOrTx,
  ctx: SignedInCtx,
  access: GroupAccess,
  projectId: string,
  q: DocumentListQuery,
  route?: string,
): Promise<DocumentPage> {
  const where = [eq(D.projectId, projectId)];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, NEWEST_CURSOR);
    where.push(sql`(${D.createdAt}, ${D.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await tx
    .select({
      id: D.id,
      title: D.title,
      kind: D.kind,
      url: D.url,
      note: D.note,
      addedById: D.addedBy,
      addedBy: users.displayName,
      createdAt: D.createdAt,
      createdKey: sql<string>`${D.createdAt}::text`,
    })
    .from(D)
    .leftJoin(users, eq(users.id, D.addedBy))
    .where(forOrg(D, ctx, ...where))
    .orderBy(desc(D.createdAt), desc(D.id))
    .limit(q.limit + 1);
  const page = pageOf(
    rows,
    q.limit,
    (r) => [r.createdKey, r.id],
    (r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind as DocumentKind,
      url: r.url,
      note: r.note,
      addedBy: r.addedBy ?? null,
      createdAt: r.createdAt.toISOString(),
    }),
  );
  if (!access.role) {
    const shown = rows.slice(0, q.limit).flatMap((r) => (r.addedById ? [r.addedById] : []));
    await logPersonalDataAccessOf(tx, ctx, shown, {
      fields: ['displayName'],
      reason: 'governance.group.space',
      route,
    });
  }
  return page;
}

/** GET …/documents: the next pages after the space's first one. */
export async function listDocuments(
  ctx: SignedInCtx,
  projectId: string,
  q: DocumentListQuery,
  route?: string,
): Promise<DocumentPage> {
  return ctx.db.transaction(async (tx) => {
    const access = await groupAccess(tx, ctx, projectId);
    return documentsOf(tx, ctx, access, projectId, q, route);
  });
}

/** A member (or staff) adds a document to the space. */
export async function addDocument(ctx: SignedInCtx, projectId: string, body: DocumentBody) {
  return ctx.db.transaction(async (tx) => {
    await groupAccess(tx, ctx, projectId);
    const [row] = await tx
      .insert(D)
      .values({
        organizationId: ctx.organizationId,
        projectId,
        title: body.title,
        kind: body.kind,
        url: body.url === '' ? null : body.url,
        note: body.note,
        addedBy: ctx.actor.userId,
      })
      .returning({ id: D.id });
    await writeAudit(tx, ctx, {
      action: 'governance.document.add',
      targetType: 'governance.project',
      targetId: projectId,
      data: { document: row.id, kind: body.kind },
    });
    return row;
  });
}

/** The chair, the secretary or staff remove a document. */
export async function removeDocument(ctx: SignedInCtx, projectId: string, documentId: string) {
  await ctx.db.transaction(async (tx) => {
    await recorderAccess(tx, ctx, projectId);
    const gone = await tx
      .delete(D)
      .where(forOrg(D, ctx, eq(D.id, documentId), eq(D.projectId, projectId)))
      .returning({ id: D.id, title: D.title });
    if (gone.length === 0) throw new AppError('governance_document_not_found', 404);
    await writeAudit(tx, ctx, {
      action: 'governance.document.remove',
      targetType: 'governance.project',
      targetId: projectId,
      data: { document: documentId },
    });
  });
}
