import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youthPolicyRecords } from '../../../../tests/fixtures/youth-policies.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { queryRows } from '../../../platform/db/connect.ts';
import { notifications } from '../../../platform/notify/tables.ts';
import { importPolicies } from '../policies/national-import/index.ts';
import { youthAlerts } from './tables.ts';

type Rec = Record<string, string>;
const all = youthPolicyRecords();
const rec = (plcyNo: string) => all.find((r) => r.plcyNo === plcyNo)!;
/** Always open, Seongbuk-gu (11290), unemployed 19–39, keyword 교육지원. */
const ALWAYS_OPEN = '20240418005400200013';
/** Keyword 교육지원 but applications closed (0057003). */
const CLOSED_KIND = '20250102005400210024';
/** Keyword 교육지원, its only round ended in 2025. */
const PAST_ROUND = '20250108005400210069';

describe.each(engines)('alerts from a policy import on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const alertsOf = (userId: string) =>
    queryRows<{ kind: string; external_id: string; concerns: string }>(
      t.database.db,
      sql`select a.kind, y.external_id, a.concerns from youth_alerts a join youth_policies y on y.id = a.policy_id
          where a.user_id = ${userId} order by a.id`,
    );
  const bell = (userId: string, kind: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  const run = (records: Rec[]) =>
    importPolicies(
      t.database.db,
      { actor: { userId: null }, organizationId: t.org.id, config: t.config },
      records,
      'ko',
    );

  it('new open policies alert the people they fit and followers; re-imports only on a change', async () => {
    const follower = await signedInAs(t, ['youth']);
    expect(
      (await follower.client.post('/api/v1/youth/follows', { kind: 'keyword', target: '교육지원' }))
        .statusCode,
    ).toBe(200);
    const fits = await signedInAs(t, ['youth']);
    await fits.client.put('/api/v1/me/consents/youth_profile', { granted: true });
    const profile = {
      birthDate: '1998-05-01',
      regionCode: '11290',
      employment: '0013003',
      specialGroups: [],
    };
    expect((await fits.client.put('/api/v1/youth/profile', profile)).statusCode).toBe(200);

    // Through the staff route, as a person would import.
    const staff = await signedInAs(t, ['staff']);
    const first = await staff.client.post('/api/v1/youth/policies/import', [
      rec(ALWAYS_OPEN),
      rec(CLOSED_KIND),
      rec(PAST_ROUND),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ imported: 3, updated: 0 });
    // Closed ones are new to the catalogue but nobody can apply: no alert.
    expect(await alertsOf(follower.user.id)).toEqual([
      { kind: 'followed_match', external_id: ALWAYS_OPEN, concerns: '' },
    ]);
    expect(await alertsOf(fits.user.id)).toEqual([
      { kind: 'new_fitting_policy', external_id: ALWAYS_OPEN, concerns: '' },
    ]);
    expect(await bell(fits.user.id, 'youth.new_fitting_policy')).toHaveLength(1);

    // Unchanged re-import: updated, nobody hears anything.
    const [{ id: policyId }] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from youth_policies where external_id = ${ALWAYS_OPEN}`,
    );
    expect(
      (await follower.client.post('/api/v1/youth/follows', { kind: 'policy', target: policyId })).statusCode,
    ).toBe(200);
    expect(await run([rec(ALWAYS_OPEN), rec(CLOSED_KIND), rec(PAST_ROUND)])).toMatchObject({
      imported: 0,
      updated: 3,
    });
    expect(await alertsOf(follower.user.id)).toHaveLength(1);
    expect(await alertsOf(fits.user.id)).toHaveLength(1);

    // A changed record: the policy's followers hear once per version of the record.
    const changed = { ...rec(ALWAYS_OPEN), plcySprtCn: '지원 내용이 바뀌었습니다.' };
    await run([changed]);
    await run([changed]);
    const afterChange = await alertsOf(follower.user.id);
    expect(afterChange.map((a) => a.kind)).toEqual(['followed_match', 'followed_policy_changed']);
    expect(afterChange[1].concerns).toMatch(/^import:[0-9a-f]{32}$/);
    expect(await bell(follower.user.id, 'youth.followed_policy_changed')).toHaveLength(1);
    // Not a follower of the policy itself: no change alert.
    expect(await alertsOf(fits.user.id)).toHaveLength(1);
    await run([{ ...changed, plcySprtCn: '한 번 더 바뀌었습니다.' }]);
    expect(await bell(follower.user.id, 'youth.followed_policy_changed')).toHaveLength(2);
    const rows = await t.database.db
      .select()
      .from(youthAlerts)
      .where(eq(youthAlerts.userId, follower.user.id));
    expect(rows).toHaveLength(3);
  });
});
