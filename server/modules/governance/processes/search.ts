import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { indexRecord, removeRecord } from '../../../platform/search/index.ts';
import { governanceProcesses } from './tables.ts';

// Participatory processes in the site-wide search: every process is public (its list and page are
// open to all), so each is indexed by its title and description when staff create or change it. The
// result opens the process's page.
export const PROCESS_RECORD_TYPE = 'governance.process';
export const processSearchLabel = { [PROCESS_RECORD_TYPE]: { ko: '참여 과정', en: 'Participatory process' } };

/** (Re)indexes one process of the organization, in the caller's transaction; one no longer there is removed. */
export async function indexProcess(tx: DbOrTx, organizationId: string, processId: string): Promise<void> {
  const [process] = await tx
    .select({
      id: governanceProcesses.id,
      title: governanceProcesses.title,
      description: governanceProcesses.description,
    })
    .from(governanceProcesses)
    .where(forOrg(governanceProcesses, organizationId, eq(governanceProcesses.id, processId)));
  if (!process) {
    await removeRecord(tx, { organizationId, recordType: PROCESS_RECORD_TYPE, recordId: processId });
    return;
  }
  await indexRecord(tx, {
    organizationId,
    recordType: PROCESS_RECORD_TYPE,
    recordId: process.id,
    title: process.title,
    body: process.description,
    url: `/governance/processes/${process.id}`,
    isPublic: true,
  });
}

/** Every process of the organization (the search index's rebuild). */
export async function indexProcesses(tx: DbOrTx, organizationId: string): Promise<void> {
  const processes = await tx
    .select({ id: governanceProcesses.id })
    .from(governanceProcesses)
    .where(forOrg(governanceProcesses, organizationId));
  for (const p of processes) await indexProcess(tx, organizationId, p.id);
}
