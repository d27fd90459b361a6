import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Phase, Process, ProcessSummary } from '../../../../contracts/governance-processes.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http.ts';
import { todayInSeoul } from '../../../platform/time/seoul.ts';
import { phaseOn } from './phases.ts';
import { governanceProcesses, governanceProcessPhases } from './tables.ts';

type ProcessRow = typeof governanceProcesses.$inferSelect & { proposals: number };

async function phasesOf(db: DbOrTx, organizationId: string, ids: string[]): Promise<Map<string, Phase[]>> {
  const byProcess = new Map<string, Phase[]>();
  if (ids.length === 0) return byProcess;
  const rows = await db
    .select()
    .from(governanceProcessPhases)
    .where(forOrg(governanceProcessPhases, organizationId, inArray(governanceProcessPhases.processId, ids)))
    .orderBy(asc(governanceProcessPhases.startsOn));
  for (const r of rows) {
    const list = byProcess.get(r.processId) ?? [];
    list.push({
      kind: r.kind as Phase['kind'],
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      proposals: r.proposals,
      debates: r.debates,
      deliberation: r.deliberation,
      polls: r.polls,
    });
    byProcess.set(r.processId, list);
  }
  return byProcess;
}

function summaryOf(row: ProcessRow, phases: Phase[], today: string): ProcessSummary {
  const { state, current } = phaseOn(phases, today);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    sample: row.isSample,
    state,
    currentPhase: current?.kind ?? null,
    startsOn: phases[0]?.startsOn ?? today,
    endsOn: phases[phases.length - 1]?.endsOn ?? today,
    proposals: Number(row.proposals),
  };
}

// Proposals belong to the proposals feature, which depends on this one; the count names its table
// in SQL rather than importing it, so the two features do not import each other. The outer id is
// written with its table: Drizzle leaves a one-table select's columns unqualified, and a bare "id"
// here would be the proposal's own.
const proposalCount = sql<number>`(select count(*)::int from governance_proposals gp where gp.process_id = governance_processes.id)`;

/** Every process of the organization, newest first, with where it stands today. */
export async function listProcesses(ctx: Ctx): Promise<ProcessSummary[]> {
  const rows = await ctx.db
    .select({ process: governanceProcesses, proposals: proposalCount })
    .from(governanceProcesses)
    .where(forOrg(governanceProcesses, ctx))
    .orderBy(desc(governanceProcesses.createdAt))
    .limit(200);
  const phases = await phasesOf(
    ctx.db,
    ctx.organizationId,
    rows.map((r) => r.process.id),
  );
  const today = todayInSeoul();
  return rows.map((r) =>
    summaryOf({ ...r.process, proposals: r.proposals }, phases.get(r.process.id) ?? [], today),
  );
}

/** One process with its phases and the parts open today; 404 outside the organization. */
export async function findProcess(db: DbOrTx, organizationId: string, id: string): Promise<Process> {
  const [row] = await db
    .select({ process: governanceProcesses, proposals: proposalCount })
    .from(governanceProcesses)
    .where(forOrg(governanceProcesses, organizationId, eq(governanceProcesses.id, id)));
  if (!row) throw new AppError('governance_process_not_found', 404);
  const phases = (await phasesOf(db, organizationId, [id])).get(id) ?? [];
  const today = todayInSeoul();
  const summary = summaryOf({ ...row.process, proposals: row.proposals }, phases, today);
  const current = phaseOn(phases, today).current;
  return {
    ...summary,
    supportThreshold: row.process.supportThreshold,
    phases,
    open: {
      proposals: current?.proposals ?? false,
      debates: current?.debates ?? false,
      deliberation: current?.deliberation ?? false,
      polls: current?.polls ?? false,
    },
  };
}
