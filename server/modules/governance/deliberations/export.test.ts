import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { governanceCommands } from '../cli.ts';
import { mapJson } from '../deliberation/index.ts';
import { EXPORT_FILES } from './export.ts';
import { loadVotes, mapOf } from './queries.ts';
import { governanceDeliberations, governanceStatements } from './tables.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../tests/fixtures/polis');
const SEATTLE = path.join(FIXTURES, '15-per-hour-seattle');
const BASE = '/api/v1/governance/deliberations';
const command = (name: string) => governanceCommands.find((c) => c.name === name)!;
const firstLine = async (file: string) => (await readFile(file, 'utf8')).split('\n')[0]!.trim();
const rows = (csv: string) =>
  parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe.each(engines)('deliberation export on %s', (engine) => {
  let t: TestApp;
  let tmp: string;
  const run = async (name: string, values: Record<string, string | boolean>, positionals: string[]) => {
    const out: string[] = [];
    await command(name).run(
      { config: t.config, database: t.database, out: (line: string) => void out.push(line) },
      values,
      positionals,
    );
    return out.join('\n');
  };
  const importDir = async (dir: string) => {
    const id = /deliberation ([0-9a-f-]{36})/.exec(await run('deliberation import', {}, [dir]))?.[1];
    expect(id).toBeDefined();
    return id!;
  };
  const storedMap = async (id: string) => {
    const stored = await loadVotes(t.database.db, t.org.id, id);
    return mapJson(mapOf(stored), stored.votes.participantIds);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    tmp = await mkdtemp(path.join(tmpdir(), 'hamkke-polis-export-'));
  });
  afterAll(async () => {
    await t?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('round trip: import a Pol.is export, export it, import that: the same map, the real headers', async () => {
    const first = await importDir(SEATTLE);
    const out = path.join(tmp, 'seattle');
    expect(await run('deliberation export', {}, [first, out])).toContain('wrote comments.csv');
    // The columns of the real open-data files, in their order.
    expect(await firstLine(path.join(out, 'comments.csv'))).toBe(
      await firstLine(path.join(SEATTLE, 'comments.csv')),
    );
    expect(await firstLine(path.join(out, 'votes.csv'))).toBe(
      await firstLine(path.join(SEATTLE, 'votes.csv')),
    );
    expect(await firstLine(path.join(out, 'participants-votes.csv'))).toBe(
      await firstLine(path.join(SEATTLE, 'participants-votes.csv')),
    );
    // The folder maps as the stored deliberation does, and imports back into the same map.
    const map = await storedMap(first);
    expect(map.groups.length).toBeGreaterThanOrEqual(2);
    // Consensus and representative statements are part of the map compared below.
    expect(map.groups.every((g) => g.representative.length > 0)).toBe(true);
    expect(JSON.parse(await run('deliberation map', { json: true }, [out]))).toEqual(map);
    const second = await importDir(out);
    expect(second).not.toBe(first);
    expect(await storedMap(second)).toEqual(map);
    // group-id is our computed group; the counts are the stored votes'.
    const participants = rows(await readFile(path.join(out, 'participants-votes.csv'), 'utf8'));
    expect(participants).toHaveLength(339);
    for (const p of participants) {
      expect(p['group-id'] === '' ? null : Number(p['group-id'])).toBe(
        map.participants[p.participant] ?? null,
      );
      const cells = Object.entries(p).filter(([k, v]) => /^\d+$/.test(k) && v !== '');
      expect(Number(p['n-votes'])).toBe(cells.length);
      expect(Number(p['n-agree'])).toBe(cells.filter(([, v]) => v === '1').length);
    }
    // The moderation column keeps Pol.is's −1/0/1; rejected statements keep their row, not their text.
    const source = new Map(
      rows(await readFile(path.join(SEATTLE, 'comments.csv'), 'utf8')).map((c) => [c['comment-id'], c]),
    );
    const exported = rows(await readFile(path.join(out, 'comments.csv'), 'utf8'));
    expect(exported).toHaveLength(source.size);
    for (const c of exported) {
      expect(c.moderated).toBe(source.get(c['comment-id'])!.moderated);
      if (c.moderated !== '1') expect(c['comment-body']).toBe('');
    }
    expect(exported.filter((c) => c.moderated === '-1').length).toBeGreaterThan(0);
  });

  it('an unknown id or a non-UUID is refused by the CLI', async () => {
    await expect(
      run('deliberation export', {}, ['00000000-0000-4000-8000-000000000000', path.join(tmp, 'x')]),
    ).rejects.toThrow(/No deliberation/);
    await expect(run('deliberation export', {}, ['seattle', path.join(tmp, 'x')])).rejects.toThrow(
      /not a deliberation id/,
    );
  });

  it('staff download the files (audited); residents 403, anonymous 401, another district 404; no one named', async () => {
    const db = t.database.db;
    const [d] = await db
      .insert(governanceDeliberations)
      .values({ organizationId: t.org.id, title: '내보내기 시험', description: '' })
      .returning({ id: governanceDeliberations.id });
    const statements = await db
      .insert(governanceStatements)
      .values(
        ['버스 노선을 늘려야 합니다', '공원을 넓혀야 합니다', '비공개 전화번호 010-1234-5678'].map(
          (body, i) => ({
            organizationId: t.org.id,
            deliberationId: d.id,
            number: i,
            body,
            moderation: i === 2 ? 'rejected' : 'accepted',
          }),
        ),
      )
      .returning({ id: governanceStatements.id, number: governanceStatements.number });
    statements.sort((a, b) => a.number - b.number);
    const voters = await Promise.all([0, 1, 2].map(() => signedInAs(t, ['resident'])));
    for (const [i, v] of voters.entries())
      for (const s of statements.slice(0, 2)) {
        const res = await v.client.post(`${BASE}/${d.id}/votes`, {
          statementId: s.id,
          vote: i === 1 ? 'disagree' : 'agree',
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    const url = (file: string) => `${BASE}/${d.id}/export/${file}`;

    const staff = await signedInAs(t, ['staff']);
    const files: Record<string, string> = {};
    for (const file of EXPORT_FILES) {
      const res = await staff.client.get(url(file));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(String(res.headers['content-disposition'])).toContain(file);
      files[file] = res.body;
    }
    expect(rows(files['votes.csv']!)).toHaveLength(6);
    expect(rows(files['votes.csv']!).map((v) => v['voter-id'])).toEqual(
      expect.arrayContaining(['0', '1', '2']),
    );
    const all = Object.values(files).join('\n');
    for (const v of voters) {
      expect(all).not.toContain(v.user.id);
      expect(all).not.toContain(v.email);
    }
    expect(all).not.toContain(staff.user.id);
    expect(all).not.toContain('010-1234-5678');
    expect(all).toContain('버스 노선을 늘려야 합니다');
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'governance.deliberation.export'), eq(auditLog.targetId, d.id)));
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorUserId === staff.user.id)).toBe(true);

    expect((await voters[0]!.client.get(url('votes.csv'))).statusCode).toBe(403);
    expect((await new TestClient(t.app).get(url('votes.csv'))).statusCode).toBe(401);
    expect((await staff.client.get(url('summary.csv'))).statusCode).toBe(400);
    expect(
      (await staff.client.get(`${BASE}/00000000-0000-4000-8000-000000000000/export/votes.csv`)).statusCode,
    ).toBe(404);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    expect((await otherStaff.client.get(url('comments.csv'))).statusCode).toBe(404);
  });
});
