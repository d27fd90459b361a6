import type { z } from 'zod';
import { FIELD_MESSAGES, fieldMessageOf, fillMessage } from '../../../contracts/field-messages.ts';
import i18n from '../i18n/index.ts';

/**
 * Zod's error map for the web's forms: a broken rule reads in the page language with the words the
 * server's 400 would use (contracts/field-messages.ts chooses them for both).
 */
export function fieldIssueMessage(issue: z.core.$ZodRawIssue): string {
  const { code, input, path: _path, message: _message, inst: _inst, ...params } = issue;
  const { key, params: values } = fieldMessageOf({
    code,
    params,
    missing: code === 'invalid_type' && input === undefined,
  });
  const words = FIELD_MESSAGES[key] ?? FIELD_MESSAGES['field.invalid'];
  return fillMessage((i18n.language === 'en' ? words?.en : words?.ko) ?? key, values);
}
