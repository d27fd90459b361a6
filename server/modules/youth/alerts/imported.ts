import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import { textArray } from '../../../platform/eligibility/index.ts';
import type { Jobs } from '../../../platform/jobs/boss.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import { applyStatus } from '../policies/index.ts';
import { alertPoliciesPublished, type FanOutResult, fanOut, policyFollowers } from './fanout.ts';

const uuidArray = (ids: string[]) => sql`${textArray(ids)}::uuid[]`;

export interface ImportedPolicies {
  /** Policies the import created (published). */
  created: string[];
  /** Published policies whose national record changed, with a key of the new record. */
  changed: Array<{ id: string; key: string }>;
}

/**
 * The alerts of one import batch, in its transaction: new policies that are not closed fan out as
 * a staff publish does; a changed record tells the policy's followers once per version of the record (its key).
 * An unchanged record is in neither list, so re-importing alerts no one. Each is one fan-out for
 * the whole batch, so a person hears once ("새로 맞는 정책 15건"), and the next batches of the same
 * import join that notification. Only policies someone could hear about are fanned out, so an
 * import into an organization without youth profiles or follows costs one query.
 */
export async function alertImportedPolicies(
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  organizationId: string,
  batch: ImportedPolicies,
): Promise<FanOutResult> {
  const total: FanOutResult = { alerts: 0, inApp: 0, emails: 0, pushes: 0, texts: 0 };
  const add = (r: FanOutResult) => {
    total.alerts += r.alerts;
    total.inApp += r.inApp;
    total.emails += r.emails;
    total.pushes = (total.pushes ?? 0) + (r.pushes ?? 0);
    total.texts = (total.texts ?? 0) + (r.texts ?? 0);
  };
  const changedIds = batch.changed.map((c) => c.id);
  const [audience] = await queryRows<{ profiles: boolean; follows: boolean; followed: string[] }>(
    tx,
    sql`select exists (select 1 from youth_profiles where organization_id = ${organizationId}) as profiles,
          exists (select 1 from youth_follows where organization_id = ${organizationId}) as follows,
          coalesce((select array_agg(distinct target) from youth_follows
                     where organization_id = ${organizationId} and target_kind = 'policy'
                       and target = any(${textArray(changedIds)})), '{}') as followed`,
  );
  const today = todayInSeoul();
  if ((audience.profiles || audience.follows) && batch.created.length > 0) {
    // Only new policies one can still apply for: a national catalogue holds many closed ones, and
    // an alert about a policy that closed last year helps no one.
    const st = applyStatus(today);
    const open = await queryRows<{ id: string }>(
      tx,
      sql`select id from (select p.id, ${st.columns} from youth_policies p ${st.join}
            where p.id = any(${uuidArray(batch.created)})) s
          where s.apply_status <> 'closed'`,
    );
    if (open.length > 0)
      add(
        await alertPoliciesPublished(
          tx,
          deps,
          organizationId,
          open.map((o) => o.id),
          today,
        ),
      );
  }
  const followed = new Set(audience.followed);
  const changed = batch.changed.filter((c) => followed.has(c.id));
  if (changed.length > 0)
    add(
      await fanOut(tx, deps, {
        organizationId,
        group: 'changed',
        policies: changed.map((c) => ({ id: c.id, concerns: `import:${c.key}` })),
        candidates: policyFollowers(
          organizationId,
          changed.map((c) => c.id),
          'followed_policy_changed',
        ),
        on: today,
      }),
    );
  return total;
}
