import { asc, eq } from 'drizzle-orm';
import { registerAccountEraser } from '../../../platform/privacy/erase.ts';
import { registerPersonalDataExporter } from '../../../platform/privacy/export.ts';
import { youthAlerts, youthFollows } from './tables.ts';

// Follows and alerts say what a person cares about: theirs to download, erased with the account.
registerPersonalDataExporter('youthFollows', async (db, userId) =>
  db
    .select({
      kind: youthFollows.targetKind,
      target: youthFollows.target,
      createdAt: youthFollows.createdAt,
    })
    .from(youthFollows)
    .where(eq(youthFollows.userId, userId))
    .orderBy(asc(youthFollows.createdAt)),
);

registerPersonalDataExporter('youthAlerts', async (db, userId) =>
  db
    .select({
      kind: youthAlerts.kind,
      policyId: youthAlerts.policyId,
      concerns: youthAlerts.concerns,
      createdAt: youthAlerts.createdAt,
    })
    .from(youthAlerts)
    .where(eq(youthAlerts.userId, userId))
    .orderBy(asc(youthAlerts.createdAt)),
);

registerAccountEraser('youthFollowsAlerts', async (tx, userId) => {
  await tx.delete(youthFollows).where(eq(youthFollows.userId, userId));
  await tx.delete(youthAlerts).where(eq(youthAlerts.userId, userId));
});
