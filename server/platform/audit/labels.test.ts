import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { users } from '../auth/tables.ts';
import { hasMessage } from '../i18n/messages.ts';
import { actionKey, targetKey } from './labels.ts';
import { writeAudit } from './write.ts';

// People read the audit log in words. Every action and target type the code writes has a label in
// both languages (found by reading the source, so a new action fails here before it runs), an
// unnamed one is refused when written, and the log shows names, never codes or ids.
const ROOT = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.startsWith('test-')
      ? [full]
      : [];
  });
}

/** Each writeAudit(s) call's action and targetType literals (ternaries included), with where they are. */
function auditCallsInSource() {
  const found: Array<{ where: string; action: string[]; targetType: string[] }> = [];
  for (const file of [...sourceFiles(path.join(ROOT, 'server')), ...sourceFiles(path.join(ROOT, 'seed'))]) {
    if (file.endsWith(path.join('audit', 'write.ts'))) continue; // the definitions: writeAudit passes its input on
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/writeAudits?\(/g)) {
      if (text.slice(Math.max(0, m.index - 9), m.index) === 'function ') continue; // the definitions
      const call = text.slice(m.index, text.indexOf('});', m.index) + 3);
      const literals = (name: string) => {
        const part = new RegExp(`${name}:([^,}]*(?:\\?[^,}]*)?)`).exec(call)?.[1] ?? '';
        return [...part.matchAll(/'([^']+)'/g)].map((l) => l[1]);
      };
      found.push({
        where: `${path.relative(ROOT, file)}:${text.slice(0, m.index).split('\n').length}`,
        action: literals('action'),
        targetType: literals('targetType'),
      });
    }
  }
  return found;
}

describe('audit labels', () => {
  it('names every action and target type the code writes, in Korean and English', () => {
    const calls = auditCallsInSource();
    expect(calls.length).toBeGreaterThanOrEqual(9);
    const actions = calls.flatMap((c) => c.action);
    for (const known of [
      'account.delete',
      'role.grant',
      'youth.question.answer',
      'youth.question.answer_edit',
    ])
      expect(actions).toContain(known);
    const missing = calls.flatMap((c) => [
      ...(c.action.length === 0 ? [`${c.where}: action is not a literal`] : []),
      ...c.action.filter((a) => !hasMessage(actionKey(a))).map((a) => `${c.where}: '${actionKey(a)}'`),
      ...c.targetType.filter((x) => !hasMessage(targetKey(x))).map((x) => `${c.where}: '${targetKey(x)}'`),
    ]);
    expect(missing, 'audit actions and target types without a label').toEqual([]);
  });
});

describe.each(engines)('the audit log in words on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('refuses to write an action that has no label', async () => {
    await expect(
      t.database.db.transaction((tx) =>
        writeAudit(
          tx,
          { actor: { userId: null }, organizationId: t.org.id },
          {
            action: 'nobody.named.this',
            targetType: 'user',
          },
        ),
      ),
    ).rejects.toThrow(/audit\.action\.nobody\.named\.this/);
  });

  it('shows actions, people and targets by name: roles, deleted accounts, English names romanized', async () => {
    const admin = await signedInAs(t, ['admin', 'staff']);
    const { user: member } = await signedInAs(t, ['resident']);
    const { user: leaving, client: leavingClient, password } = await signedInAs(t, ['resident']);
    const { db } = t.database;
    await db.update(users).set({ displayName: '홍길동' }).where(eq(users.id, admin.user.id));
    await db.update(users).set({ displayName: '김민지' }).where(eq(users.id, member.id));
    await admin.client.post(`/api/v1/admin/users/${member.id}/roles`, { role: 'youth' });
    const deleted = await leavingClient.post('/api/v1/me/delete', { password });
    expect([200, 204], deleted.body).toContain(deleted.statusCode);

    const ko = (await admin.client.get('/api/v1/admin/audit')).json().items;
    const grant = ko.find((e: { action: string }) => e.action === 'role.grant');
    expect(grant).toMatchObject({
      actorLabel: '홍길동 · 관리자',
      actionLabel: '역할 부여',
      detail: '청년',
      targetLabel: '김민지 · 청년', // her leading role, now that she holds it
    });
    const removal = ko.find((e: { action: string }) => e.action === 'account.delete');
    expect(removal).toMatchObject({
      actionLabel: '계정 삭제',
      actorLabel: '삭제된 계정',
      targetLabel: '삭제된 계정',
    });
    expect(removal.targetId).toBe(leaving.id); // the id stays in the API for machines, not on screen

    const en = await signedInAs(t, ['admin'], { lang: 'en' });
    const english = (await en.client.get('/api/v1/admin/audit')).json().items;
    expect(english.find((e: { action: string }) => e.action === 'role.grant')).toMatchObject({
      actorLabel: 'Hong Gildong (홍길동) · Administrator',
      actionLabel: 'Role granted',
      detail: 'Young resident',
      targetLabel: 'Gim Minji (김민지) · Young resident',
    });
    expect(english.find((e: { action: string }) => e.action === 'account.delete')).toMatchObject({
      actionLabel: 'Account deleted',
      actorLabel: 'Deleted account',
    });
    const actions = (await en.client.get('/api/v1/admin/audit/actions')).json().items;
    expect(actions).toContainEqual({ code: 'account.delete', label: 'Account deleted' });
    expect(actions.every((a: { label: string; code: string }) => a.label !== a.code)).toBe(true);
  });

  it('keeps the action list for admins only', async () => {
    const { client } = await signedInAs(t, ['staff']);
    expect((await client.get('/api/v1/admin/audit/actions')).statusCode).toBe(403);
  });
});
