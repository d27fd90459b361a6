import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { Password } from './common.ts';
import { FIELD_MESSAGES, fieldMessageOf, fillMessage } from './field-messages.ts';
import { NotificationSettingsBody } from './notify.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The message the web shows for an issue Zod raised (the server gives the same key through fastify). */
function words(issue: z.core.$ZodIssue, missing = false): string {
  const {
    code: _code,
    path: _path,
    message: _message,
    ...params
  } = issue as unknown as Record<string, unknown>;
  const { key, params: values } = fieldMessageOf({ code: issue.code, params, missing });
  return fillMessage(FIELD_MESSAGES[key]?.ko ?? key, values);
}

describe('field messages shared by the server and the web', () => {
  test('every messageKey a contract names has Korean and English words here', () => {
    const named = new Set<string>();
    for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = fs.readFileSync(path.join(here, file), 'utf8');
      for (const m of source.matchAll(/messageKey:\s*'([^']+)'/g)) named.add(m[1] as string);
    }
    expect(named.size).toBeGreaterThan(3);
    for (const key of named) {
      expect(FIELD_MESSAGES[key]?.ko, key).toBeTruthy();
      expect(FIELD_MESSAGES[key]?.en, key).toBeTruthy();
    }
  });

  test('Zod issues read as the server words them', () => {
    const short = Password.safeParse('short');
    expect(short.success).toBe(false);
    expect(words(short.error!.issues[0]!)).toBe('10자 이상 입력해 주십시오.');
    const settings = NotificationSettingsBody.safeParse({
      quietHours: { enabled: true, start: '22:00', end: '22:00' },
      mobileNumber: '01012345678',
      emailDigest: false,
    });
    expect(settings.error?.issues.map((i) => [i.path.join('.'), words(i)])).toEqual([
      ['quietHours.end', FIELD_MESSAGES['field.quiet_hours_same']?.ko],
      ['mobileNumber', FIELD_MESSAGES['field.mobile_number']?.ko],
    ]);
    const choice = z.enum(['ko', 'en']).safeParse('fr');
    expect(words(choice.error!.issues[0]!)).toBe('허용되지 않는 값입니다. 가능한 값: ko, en');
    expect(words(choice.error!.issues[0]!, true)).toBe('허용되지 않는 값입니다. 가능한 값: ko, en');
    const empty = z.object({ a: z.string().min(1) }).safeParse({ a: '' });
    expect(words(empty.error!.issues[0]!)).toBe('필수 항목입니다.');
    const missing = z.object({ a: z.string() }).safeParse({});
    expect(words(missing.error!.issues[0]!, true)).toBe('필수 항목입니다.');
  });

  test('a messageKey no catalog knows reads as "not valid", like an unknown rule', () => {
    expect(
      fieldMessageOf({ code: 'custom', params: { params: { messageKey: 'field.nowhere' } }, missing: false }),
    ).toEqual({ code: 'invalid', key: 'field.invalid', params: {} });
  });
});
