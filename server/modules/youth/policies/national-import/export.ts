import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../../platform/db/connect.ts';
import { forOrg } from '../../../../platform/db/tenant.ts';
import { fieldsOfRow } from '../columns.ts';
import { youthPolicies, youthPolicyRounds } from '../tables.ts';
import { type ParsedRound, toGetPlcyRecord } from './getplcy.ts';

// The way back out: the organization's catalogue in the format the import reads.

/** Every policy of the organization in the getPlcy envelope (local ones with an empty plcyNo). */
export async function exportPolicies(db: DbOrTx, organizationId: string) {
  const rows = await db
    .select()
    .from(youthPolicies)
    .where(forOrg(youthPolicies, organizationId))
    .orderBy(asc(youthPolicies.registeredAt), asc(youthPolicies.id));
  const rounds = await db
    .select({
      policyId: youthPolicyRounds.policyId,
      startsOn: youthPolicyRounds.startsOn,
      endsOn: youthPolicyRounds.endsOn,
    })
    .from(youthPolicyRounds)
    .innerJoin(youthPolicies, eq(youthPolicies.id, youthPolicyRounds.policyId))
    .where(forOrg(youthPolicies, organizationId))
    .orderBy(asc(youthPolicyRounds.startsOn));
  const roundsById = new Map<string, ParsedRound[]>();
  for (const r of rounds) roundsById.set(r.policyId, [...(roundsById.get(r.policyId) ?? []), r]);
  const list = rows.map((r) =>
    toGetPlcyRecord(
      {
        ...fieldsOfRow(r),
        externalId: r.externalId ?? '',
        rounds: roundsById.get(r.id) ?? [],
        registeredAt: r.registeredAt.toISOString(),
        sourceModifiedAt: r.sourceModifiedAt?.toISOString() ?? null,
      },
      r.sourceRecord,
    ),
  );
  return {
    resultCode: 200,
    resultMessage: 'OK',
    result: { pagging: { totCount: list.length, pageNum: 1, pageSize: list.length }, youthPolicyList: list },
  };
}
