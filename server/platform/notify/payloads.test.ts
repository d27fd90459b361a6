import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/database.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { loadConfig } from '../../config.ts';
import { dispatchPending } from './dispatch.ts';
import { readPayload } from './payloads.ts';
import { emailMessages, type OutboxRow, outbox } from './tables.ts';

const row = (type: OutboxRow['type'], payload: Record<string, unknown>) =>
  ({ id: 7, type, payload }) as OutboxRow;

describe('outbox payloads', () => {
  it('reads each type of row by its schema', () => {
    const title = { ko: '제목', en: 'Title' };
    expect(readPayload(row('notification', { title, body: title, link: null }), 'notification')).toEqual({
      title,
      body: title,
      link: null,
    });
    expect(
      readPayload(row('push', { title, body: title, link: '/a', kind: 'k', source: '3' }), 'push').source,
    ).toBe('3');
    expect(readPayload(row('sms', { title, link: null }), 'sms').link).toBeNull();
    expect(readPayload(row('email', { to: 'a@b.kr', subject: 's', text: 't' }), 'email').to).toBe('a@b.kr');
  });

  it('names the row and the wrong fields, never their values', () => {
    const bad = row('push', { title: { ko: '비밀 제목' }, body: 'not localized', link: 5 });
    expect(() => readPayload(bad, 'push')).toThrow(
      'Outbox row 7 (push) has a malformed payload: title.en, body, link',
    );
    expect(() => readPayload(bad, 'push')).not.toThrow(/비밀/);
  });
});

describe.each(engines)('a malformed outbox row on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('is not sent: it waits for a retry with the field in last_error and no text', async () => {
    const [queued] = await database.db
      .insert(outbox)
      .values({
        type: 'email',
        kind: 'email',
        payload: { subject: '비밀번호 재설정', text: 'secret-link-token' },
      })
      .returning({ id: outbox.id });
    const config = loadConfig({ HAMKKE_LOG_LEVEL: 'silent', HAMKKE_DEV_MAILBOX: '1' });
    expect(await dispatchPending({ db: database.db, config })).toEqual({
      delivered: 0,
      failed: 1,
      deferred: 0,
    });
    const [after] = await database.db.select().from(outbox).where(eq(outbox.id, queued.id));
    expect(after.attempts).toBe(1);
    expect(after.dispatchedAt).toBeNull();
    expect(after.lastError).toBe(`Outbox row ${queued.id} (email) has a malformed payload: to`);
    expect(await database.db.select().from(emailMessages)).toEqual([]);
  });
});
