import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { privacy } from './privacy.ts';
import { loadVotes, mapOf } from './queries.ts';
import {
  governanceDeliberations,
  governanceParticipants,
  governanceStatements,
  governanceVotes,
} from './tables.ts';

const BASE = '/api/v1/governance/deliberations';
const QUEUE = '/api/v1/governance/staff/statements';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** A deliberation with 12 accepted statements and 40 sample voters in two camps (deterministic). */
async function seedDeliberation(t: TestApp): Promise<{ id: string; statements: string[] }> {
  const db = t.database.db;
  const organizationId = t.org.id;
  const [d] = await db
    .insert(governanceDeliberations)
    .values({ organizationId, title: '시험 숙의', description: '시험용', isSample: true })
    .returning({ id: governanceDeliberations.id });
  const statements = await db
    .insert(governanceStatements)
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        organizationId,
        deliberationId: d.id,
        number: i,
        body: `의견 ${i + 1}`,
        moderation: 'accepted',
      })),
    )
    .returning({ id: governanceStatements.id, number: governanceStatements.number });
  statements.sort((a, b) => a.number - b.number);
  const participants = await db
    .insert(governanceParticipants)
    .values(
      Array.from({ length: 40 }, (_, i) => ({
        organizationId,
        deliberationId: d.id,
        number: i,
        kind: 'sample',
      })),
    )
    .returning({ id: governanceParticipants.id, number: governanceParticipants.number });
  const votes = participants.flatMap((p) =>
    statements
      .filter((s) => (p.number * 7 + s.number * 3) % 5 !== 0)
      .map((s) => {
        const camp = p.number % 2 === 0 ? 1 : -1;
        const side = s.number < 6 ? camp : -camp;
        const noise = (p.number * 13 + s.number * 17) % 11 === 0;
        return {
          organizationId,
          deliberationId: d.id,
          statementId: s.id,
          participantId: p.id,
          vote: noise ? 0 : side,
        };
      }),
  );
  await db.insert(governanceVotes).values(votes);
  return { id: d.id, statements: statements.map((s) => s.id) };
}

describe.each(engines)('deliberations on %s', (engine) => {
  let t: TestApp;
  let deliberation: { id: string; statements: string[] };
  let resident: Awaited<ReturnType<typeof signedInAs>>;
  let staff: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    deliberation = await seedDeliberation(t);
    resident = await signedInAs(t, ['resident']);
    staff = await signedInAs(t, ['staff']);
  });
  afterAll(() => t?.close());

  it('lists the deliberation publicly with its counts', async () => {
    const res = await new TestClient(t.app).get(BASE);
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((d: { id: string }) => d.id === deliberation.id);
    expect(item).toMatchObject({
      title: '시험 숙의',
      status: 'open',
      sample: true,
      statements: 12,
      participants: 40,
    });
    expect((await new TestClient(t.app).get(`${BASE}/${MISSING}`)).statusCode).toBe(404);
  });

  it('401 without a session, 403 for moderation without the staff role', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.get(`${BASE}/${deliberation.id}/next`)).statusCode).toBe(401);
    const body = { statementId: deliberation.statements[0], vote: 'agree' };
    expect((await anon.post(`${BASE}/${deliberation.id}/votes`, body)).statusCode).toBe(401);
    expect((await anon.post(`${BASE}/${deliberation.id}/statements`, { text: '의견' })).statusCode).toBe(401);
    expect((await anon.get(QUEUE)).statusCode).toBe(401);
    expect(
      (await anon.put(`${QUEUE}/${MISSING}/moderation`, { moderation: 'accepted', meta: false })).statusCode,
    ).toBe(401);
    expect((await resident.client.get(QUEUE)).statusCode).toBe(403);
    const refused = await resident.client.put(`${QUEUE}/${deliberation.statements[0]}/moderation`, {
      moderation: 'rejected',
      meta: false,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('keeps one vote per person and statement under 20 parallel votes, the latest counting', async () => {
    const person = await signedInAs(t, ['resident']);
    const statementId = deliberation.statements[3];
    const choices = ['agree', 'disagree', 'pass'] as const;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        person.client.post(`${BASE}/${deliberation.id}/votes`, { statementId, vote: choices[i % 3] }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    const rows = await t.database.db
      .select({ vote: governanceVotes.vote })
      .from(governanceVotes)
      .innerJoin(governanceParticipants, eq(governanceParticipants.id, governanceVotes.participantId))
      .where(
        and(eq(governanceParticipants.userId, person.user.id), eq(governanceVotes.statementId, statementId)),
      );
    expect(rows).toHaveLength(1);
    const participants = await t.database.db
      .select()
      .from(governanceParticipants)
      .where(eq(governanceParticipants.userId, person.user.id));
    expect(participants).toHaveLength(1);
    // A later vote replaces it.
    const again = await person.client.post(`${BASE}/${deliberation.id}/votes`, {
      statementId,
      vote: 'disagree',
    });
    expect(again.json()).toMatchObject({ voted: 1, total: 12 });
    expect(again.json().statement.id).not.toBe(statementId);
    const [row] = await t.database.db
      .select({ vote: governanceVotes.vote })
      .from(governanceVotes)
      .where(
        and(
          eq(governanceVotes.participantId, participants[0].id),
          eq(governanceVotes.statementId, statementId),
        ),
      );
    expect(row.vote).toBe(-1);
  });

  it('gives the next statement by priority until every one is voted on', async () => {
    const person = await signedInAs(t, ['resident']);
    const seen = new Set<string>();
    let next = (await person.client.get(`${BASE}/${deliberation.id}/next`)).json();
    expect(next).toMatchObject({ voted: 0, total: 12 });
    while (next.statement) {
      expect(seen.has(next.statement.id)).toBe(false);
      seen.add(next.statement.id);
      next = (
        await person.client.post(`${BASE}/${deliberation.id}/votes`, {
          statementId: next.statement.id,
          vote: 'agree',
        })
      ).json();
    }
    expect(seen.size).toBe(12);
    expect(next).toMatchObject({ voted: 12, total: 12 });
    const map = (await person.client.get(`${BASE}/${deliberation.id}/map`)).json();
    expect(map.me).toMatchObject({ voted: 12 });
    expect(map.me.group).not.toBeNull();
  });

  it('computes the map deterministically and recomputes it after a vote', async () => {
    const anon = new TestClient(t.app);
    const first = (await anon.get(`${BASE}/${deliberation.id}/map`)).json();
    expect(first.groups.length).toBeGreaterThanOrEqual(2);
    expect(first.me).toBeNull();
    // A fresh computation from the stored votes gives the same answer as the cached one.
    const fresh = mapOf(await loadVotes(t.database.db, t.org.id, deliberation.id));
    expect(first.groups.map((g: { size: number }) => g.size)).toEqual(
      fresh.groups.map((g) => g.members.length),
    );
    expect((await anon.get(`${BASE}/${deliberation.id}/map`)).json()).toEqual(first);
    const voter = await signedInAs(t, ['resident']);
    await voter.client.post(`${BASE}/${deliberation.id}/votes`, {
      statementId: deliberation.statements[0],
      vote: 'pass',
    });
    const after = (await anon.get(`${BASE}/${deliberation.id}/map`)).json();
    expect(after.votes).toBe(first.votes + 1);
  });

  it('takes statements for moderation; staff accept (audited), then they can be voted on', async () => {
    const tooLong = await resident.client.post(`${BASE}/${deliberation.id}/statements`, {
      text: 'ㄱ'.repeat(141),
    });
    expect(tooLong.statusCode).toBe(400);
    const made = await resident.client.post(`${BASE}/${deliberation.id}/statements`, {
      text: '주민 의견을 더 듣습니다',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().moderation).toBe('unmoderated');
    const id = made.json().id;
    const vote = { statementId: id, vote: 'agree' };
    expect((await resident.client.post(`${BASE}/${deliberation.id}/votes`, vote)).statusCode).toBe(404);
    const queue = (await staff.client.get(QUEUE)).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    const accepted = await staff.client.put(`${QUEUE}/${id}/moderation`, {
      moderation: 'accepted',
      meta: true,
    });
    expect(accepted.statusCode).toBe(200);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(['governance.statement.accept_meta']);
    expect((await resident.client.post(`${BASE}/${deliberation.id}/votes`, vote)).statusCode).toBe(200);
    expect((await staff.client.get(QUEUE)).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('replays a vote sent again with the same Idempotency-Key, and refuses votes once closed', async () => {
    const person = await signedInAs(t, ['resident']);
    const body = { statementId: deliberation.statements[5], vote: 'agree' };
    const headers = { 'idempotency-key': 'vote-once-1' };
    const first = await person.client.post(`${BASE}/${deliberation.id}/votes`, body, headers);
    const again = await person.client.post(`${BASE}/${deliberation.id}/votes`, body, headers);
    expect(first.statusCode).toBe(200);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    await t.database.db
      .update(governanceDeliberations)
      .set({ status: 'closed' })
      .where(eq(governanceDeliberations.id, deliberation.id));
    const closed = await person.client.post(`${BASE}/${deliberation.id}/votes`, { ...body, vote: 'pass' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('governance_deliberation_closed');
  });

  it('unlinks a deleted account from its votes, which stay for the map', async () => {
    const person = await signedInAs(t, ['resident']);
    await t.database.db
      .update(governanceDeliberations)
      .set({ status: 'open' })
      .where(eq(governanceDeliberations.id, deliberation.id));
    await person.client.post(`${BASE}/${deliberation.id}/votes`, {
      statementId: deliberation.statements[1],
      vote: 'agree',
    });
    const [mine] = await t.database.db
      .select({ id: governanceParticipants.id })
      .from(governanceParticipants)
      .where(eq(governanceParticipants.userId, person.user.id));
    await t.database.db.transaction((tx) => privacy.erasers.deliberations(tx, person.user.id));
    const [after] = await t.database.db
      .select({ userId: governanceParticipants.userId, kind: governanceParticipants.kind })
      .from(governanceParticipants)
      .where(eq(governanceParticipants.id, mine.id));
    expect(after).toEqual({ userId: null, kind: 'account' });
    const votes = await t.database.db
      .select()
      .from(governanceVotes)
      .where(eq(governanceVotes.participantId, mine.id));
    expect(votes).toHaveLength(1);
  });
});
