import { z } from 'zod';
import { text } from './text.ts';

// Privacy (개인정보): notices, consents, download my data, account deletion.
export const PrivacyNotice = z.object({
  purpose: z.string(),
  required: z.boolean(),
  version: z.string(),
  title: z.string(),
  items: z.string(),
  use: z.string(),
  retention: z.string(),
});
export const PrivacyNotices = z.object({ items: z.array(PrivacyNotice) });

export const MyConsent = z.object({
  purpose: z.string(),
  required: z.boolean(),
  granted: z.boolean(),
  noticeVersion: z.string(),
  recordedAt: z.string().nullable(),
  title: z.string(),
});
export const MyConsents = z.object({ items: z.array(MyConsent) });
export const ConsentParams = z.object({ purpose: text({ min: 1, max: 50 }) });
export const ConsentBody = z.strictObject({ granted: z.boolean() });

export const MyDataExport = z.object({
  format: z.literal('hamkke-personal-data/1'),
  exportedAt: z.string(),
  userId: z.string(),
  sections: z.record(z.string(), z.unknown()),
});

/** Accounts with a password confirm with it; accounts without one (OIDC) send confirm: "DELETE". */
export const DeleteAccountBody = z.strictObject({
  password: z.string().min(1).max(200).optional(),
  confirm: z.literal('DELETE').optional(),
});
