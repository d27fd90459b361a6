import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { memberships } from '../../../platform/auth/tables.ts';
import { addDays, todayInSeoul } from '../../../platform/time/index.ts';
import {
  importReal,
  realPolicy,
  SEONGBUK_ONLY,
  SEOUL_WIDE,
  YEONGDEUNGPO_ONLY,
} from '../eligibility/test-policies.ts';
import { youthProfiles } from './tables.ts';

const PROFILE = '/api/v1/youth/profile';
const FOR_ME = '/api/v1/youth/policies/for-me';
const CONSENT = '/api/v1/me/consents/youth_profile';
const body = {
  birthDate: '1998-05-01',
  regionCode: '11560',
  employment: '0013003',
  specialGroups: [],
  interests: ['jobs', 'housing'],
};

/** 온국민평생배움터 운영: every region, no condition, always open. */
const ALWAYS_OPEN = '20260310005400112106';
/** 산업맞춤 단기직무능력인증과정: made closed here. */
const CLOSED = '20260320005400112238';

const shift = (days: number) => addDays(todayInSeoul(), days).replaceAll('-', '');

describe.each(engines)('youth profile and policies for me on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await importReal(t, [
      realPolicy(SEOUL_WIDE, { aplyPrdSeCd: '0057001', aplyYmd: `${shift(-10)} ~ ${shift(30)}` }),
      realPolicy(YEONGDEUNGPO_ONLY, {
        zipCd: '11560',
        aplyPrdSeCd: '0057001',
        aplyYmd: `${shift(-10)} ~ ${shift(3)}`,
      }),
      realPolicy(CLOSED, { aplyPrdSeCd: '0057003', aplyYmd: '' }),
      realPolicy(ALWAYS_OPEN),
      realPolicy(SEONGBUK_ONLY),
    ]);
  });
  afterAll(() => t?.close());

  const rowsOf = (userId: string) =>
    t.database.db
      .select()
      .from(youthProfiles)
      .where(and(eq(youthProfiles.userId, userId), eq(youthProfiles.organizationId, t.org.id)));

  it('401 for every route without a session', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.get(PROFILE)).statusCode).toBe(401);
    expect((await anon.put(PROFILE, body)).statusCode).toBe(401);
    expect((await anon.delete(PROFILE)).statusCode).toBe(401);
    expect((await anon.get(FOR_ME)).statusCode).toBe(401);
  });

  it('409 without the youth_profile consent, and nothing is kept', async () => {
    const { client, user } = await signedInAs(t, ['resident']);
    expect((await client.get(PROFILE)).json()).toEqual({ profile: null, consent: false });
    const res = await client.put(PROFILE, body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'youth_profile_consent_required',
      message: expect.stringContaining('동의해 주십시오'),
    });
    expect(await rowsOf(user.id)).toEqual([]);
    const forMe = await client.get(FOR_ME);
    expect(forMe.statusCode).toBe(409);
    expect(forMe.json().error.code).toBe('youth_profile_required');
  });

  it('400 with field details for a bad profile', async () => {
    const { client } = await signedInAs(t, ['resident'], { lang: 'en' });
    await client.put(CONSENT, { granted: true });
    const res = await client.put(PROFILE, {
      ...body,
      regionCode: 'abcde',
      interests: ['astrology'],
      education: '0049010',
      annualIncome: -1,
      extra: true,
    });
    expect(res.statusCode).toBe(400);
    const details: Array<{ field: string; code: string; message: string }> = res.json().error.details;
    expect(details.find((d) => d.field === 'body.regionCode')).toMatchObject({
      code: 'youth_region_code',
      message: expect.stringContaining('5-digit'),
    });
    expect(details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['body.interests.0', 'body.education', 'body.annualIncome']),
    );
    expect(details.some((d) => d.code === 'unrecognized_keys')).toBe(true);
  });

  it('saves the profile with consent, grants the youth role, and lists fitting policies by deadline', async () => {
    const { client, user } = await signedInAs(t, ['resident']);
    expect((await client.put(CONSENT, { granted: true })).statusCode).toBe(200);
    const saved = await client.put(PROFILE, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      consent: true,
      profile: { ...body, education: null, married: null, annualIncome: null, updatedAt: expect.any(String) },
    });
    expect((await client.get(PROFILE)).json()).toEqual(saved.json());
    const roles = await t.database.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organizationId, t.org.id)));
    expect(roles.map((r) => r.role).sort()).toEqual(['resident', 'youth']);
    expect((await client.get('/api/v1/me')).json().roles).toContain('youth');

    // Saving again replaces the profile (one row).
    const again = await client.put(PROFILE, { ...body, married: false, annualIncome: 2400 });
    expect(again.json().profile).toMatchObject({ married: false, annualIncome: 2400 });
    expect(await rowsOf(user.id)).toHaveLength(1);

    const res = await client.get(FOR_ME);
    expect(res.statusCode).toBe(200);
    const items: Array<{ externalId: string; status: string; deadline: string | null; rules: unknown[] }> =
      res.json().items;
    expect(items.map((i) => [i.externalId, i.status])).toEqual([
      [YEONGDEUNGPO_ONLY, 'closing_soon'],
      [SEOUL_WIDE, 'open'],
      [ALWAYS_OPEN, 'always_open'],
      [CLOSED, 'closed'],
    ]);
    expect(items[0].deadline).toBe(`${shift(3).slice(0, 4)}-${shift(3).slice(4, 6)}-${shift(3).slice(6)}`);
    expect(items[2].deadline).toBeNull();
    expect(items[0].rules).toContainEqual({
      rule: 'region',
      result: 'pass',
      restricts: true,
      explanation: '영등포구 거주 ✓',
    });
  });

  it('withdrawing the consent deletes the profile and stops "for me"', async () => {
    const { client, user } = await signedInAs(t, ['resident']);
    await client.put(CONSENT, { granted: true });
    expect((await client.put(PROFILE, body)).statusCode).toBe(200);
    expect(await rowsOf(user.id)).toHaveLength(1);
    expect((await client.put(CONSENT, { granted: false })).statusCode).toBe(200);
    expect(await rowsOf(user.id)).toEqual([]);
    expect((await client.get(PROFILE)).json()).toEqual({ profile: null, consent: false });
    expect((await client.get(FOR_ME)).statusCode).toBe(409);
    expect((await client.put(PROFILE, body)).statusCode).toBe(409);
  });

  it('DELETE removes the profile', async () => {
    const { client, user } = await signedInAs(t, ['resident']);
    await client.put(CONSENT, { granted: true });
    await client.put(PROFILE, body);
    const res = await client.delete(PROFILE);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await rowsOf(user.id)).toEqual([]);
    expect((await client.get(PROFILE)).json()).toEqual({ profile: null, consent: true });
  });

  it('is in "download my data" and erased with the account', async () => {
    const { client, user, password } = await signedInAs(t, ['resident']);
    await client.put(CONSENT, { granted: true });
    await client.put(PROFILE, body);
    const data = (await client.get('/api/v1/me/export')).json();
    expect(data.sections.youthProfile).toEqual([
      expect.objectContaining({
        birthDate: '1998-05-01',
        regionCode: '11560',
        interests: ['jobs', 'housing'],
      }),
    ]);
    expect((await client.post('/api/v1/me/delete', { password })).statusCode).toBe(200);
    expect(await rowsOf(user.id)).toEqual([]);
  });
});
