import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import type { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';

// One organization's admin sees nothing of another's audit log, people or access log.
describe.each(engines)('organizations are kept apart on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('an admin of one organization cannot read another’s audit, users or access log', async () => {
    const other = await createOtherOrganization(t);
    const homeAdmin = await signedInAs(t, ['admin']);
    const homeResident = await signedInAs(t, ['resident']);
    await homeAdmin.client.post(`/api/v1/admin/users/${homeResident.user.id}/roles`, { role: 'youth' });
    await homeAdmin.client.get(
      `/api/v1/admin/users/${homeResident.user.id}?reason=${encodeURIComponent('확인')}`,
    );

    const otherAdmin = await signedInAtOrganization(t, other, ['admin']);
    const otherResident = await signedInAtOrganization(t, other, ['resident']);
    await otherAdmin.client.post(`/api/v1/admin/users/${otherResident.user.id}/roles`, { role: 'buyer' });

    const audit = (await otherAdmin.client.get('/api/v1/admin/audit')).json().items;
    expect(audit.map((e: { targetId: string }) => e.targetId)).toEqual([otherResident.user.id]);
    const homeAudit = (await homeAdmin.client.get('/api/v1/admin/audit')).json().items;
    expect(homeAudit.map((e: { targetId: string }) => e.targetId)).not.toContain(otherResident.user.id);

    const people = (await otherAdmin.client.get('/api/v1/admin/users'))
      .json()
      .items.map((u: { id: string }) => u.id);
    expect(people.sort()).toEqual([otherAdmin.user.id, otherResident.user.id].sort());

    const read = await otherAdmin.client.get(
      `/api/v1/admin/users/${homeResident.user.id}?reason=${encodeURIComponent('확인')}`,
    );
    expect(read.statusCode).toBe(404);
    expect(
      (await otherAdmin.client.post(`/api/v1/admin/users/${homeResident.user.id}/roles`, { role: 'staff' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherAdmin.client.delete(`/api/v1/admin/users/${homeResident.user.id}/roles/resident`))
        .statusCode,
    ).toBe(404);

    const log = await otherAdmin.client.get(
      `/api/v1/admin/personal-data-access-log?subjectUserId=${homeResident.user.id}`,
    );
    expect(log.json().items).toEqual([]);
    // Each organization's log holds only its own reads: the other admin's audit page named their own
    // resident (the member given a role); the home admin's, the home resident.
    const subjectsOf = async (client: TestClient) =>
      (await client.get('/api/v1/admin/personal-data-access-log'))
        .json()
        .items.map((e: { subject: { id: string } }) => e.subject.id);
    expect(new Set(await subjectsOf(otherAdmin.client))).toEqual(new Set([otherResident.user.id]));
    expect(new Set(await subjectsOf(homeAdmin.client))).toEqual(new Set([homeResident.user.id]));

    const org = (await otherAdmin.client.get('/api/v1/admin/organization')).json();
    expect(org.id).toBe(other.id);
  });

  it('a session from one organization carries no rights at another’s host', async () => {
    const other = await createOtherOrganization(t);
    const homeAdmin = await signedInAs(t, ['admin']);
    const res = await homeAdmin.client.get('/api/v1/admin/audit', { host: other.host });
    expect(res.statusCode).toBe(401);
  });
});
