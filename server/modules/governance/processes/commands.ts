import { eq } from 'drizzle-orm';
import type { Process, ProcessBody } from '../../../../contracts/governance-processes.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { phasesInOrder } from './phases.ts';
import { findProcess } from './queries.ts';
import { indexProcess } from './search.ts';
import { governanceProcesses, governanceProcessPhases } from './tables.ts';

function checkPhases(body: ProcessBody): void {
  if (!phasesInOrder(body.phases))
    throw new AppError('governance_phase_order', 400, {}, [{ field: 'body.phases', code: 'phase_order' }]);
}

async function writePhases(tx: DbOrTx, organizationId: string, processId: string, body: ProcessBody) {
  await tx
    .delete(governanceProcessPhases)
    .where(forOrg(governanceProcessPhases, organizationId, eq(governanceProcessPhases.processId, processId)));
  await tx
    .insert(governanceProcessPhases)
    .values(body.phases.map((p) => ({ ...p, organizationId, processId })));
}

/** Staff create a process with its phases; audited. */
export async function createProcess(ctx: SignedInCtx, body: ProcessBody): Promise<Process> {
  checkPhases(body);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(governanceProcesses)
      .values({
        organizationId: ctx.organizationId,
        title: body.title,
        description: body.description,
        supportThreshold: body.supportThreshold,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: governanceProcesses.id });
    await writePhases(tx, ctx.organizationId, row.id, body);
    await indexProcess(tx, ctx.organizationId, row.id);
    await writeAudit(tx, ctx, {
      action: 'governance.process.create',
      targetType: 'governance.process',
      targetId: row.id,
    });
    return findProcess(tx, ctx.organizationId, row.id);
  });
}

/** Staff edit a process: title, description, threshold and the whole list of phases; audited. */
export async function updateProcess(ctx: SignedInCtx, id: string, body: ProcessBody): Promise<Process> {
  checkPhases(body);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(governanceProcesses)
      .set({
        title: body.title,
        description: body.description,
        supportThreshold: body.supportThreshold,
        updatedAt: new Date(),
      })
      .where(forOrg(governanceProcesses, ctx, eq(governanceProcesses.id, id)))
      .returning({ id: governanceProcesses.id });
    if (!row) throw new AppError('governance_process_not_found', 404);
    await writePhases(tx, ctx.organizationId, id, body);
    await indexProcess(tx, ctx.organizationId, id);
    await writeAudit(tx, ctx, {
      action: 'governance.process.update',
      targetType: 'governance.process',
      targetId: id,
    });
    return findProcess(tx, ctx.organizationId, id);
  });
}
