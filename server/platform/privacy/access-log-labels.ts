import type { Locale } from '../i18n/locale.ts';
import { hasMessage, t } from '../i18n/messages.ts';

// The personal-data access log shows what was read and why in words. Each field a reader can be
// shown has 'access.field.<name>'; each reason the code gives has 'access.reason.<code>' (a module
// declares its own in its messages). A reason a person typed (an admin's search) is shown as typed.
export const fieldKey = (field: string) => `access.field.${field}`;
export const reasonKey = (reason: string) => `access.reason.${reason}`;

/** Refuses, at the write, a field or a code-given reason that the log could not show in words. */
export function assertAccessLabelled(fields: readonly string[], reason: string, typed: boolean): void {
  const missing = [...fields.map(fieldKey), ...(typed ? [] : [reasonKey(reason)])].filter(
    (k) => !hasMessage(k),
  );
  if (missing.length > 0)
    throw new Error(
      `Personal-data access log: add ${missing.map((k) => `'${k}'`).join(', ')} (ko and en) to the messages`,
    );
}

export const fieldLabel = (locale: Locale, field: string) =>
  hasMessage(fieldKey(field)) ? t(locale, fieldKey(field)) : t(locale, 'access.field.other');

export const reasonLabel = (locale: Locale, reason: string) =>
  hasMessage(reasonKey(reason)) ? t(locale, reasonKey(reason)) : reason;

export const messages = {
  'access.field.displayName': { ko: '이름', en: 'Name' },
  'access.field.email': { ko: '이메일 주소', en: 'Email address' },
  'access.field.emailText': { ko: '이메일 본문', en: 'Email text' },
  'access.field.mobileNumber': { ko: '휴대전화 번호', en: 'Mobile number' },
  'access.field.smsText': { ko: '문자 내용', en: 'Text message' },
  'access.field.ip': { ko: '접속 IP', en: 'IP address' },
  'access.field.locale': { ko: '사용 언어', en: 'Language' },
  'access.field.emailVerified': { ko: '이메일 인증 여부', en: 'Email verified or not' },
  'access.field.twoFactorEnabled': { ko: '2단계 인증 사용 여부', en: 'Two-factor authentication on or off' },
  'access.field.roles': { ko: '역할', en: 'Roles' },
  'access.field.createdAt': { ko: '가입일', en: 'Date joined' },
  'access.field.consents': { ko: '동의 내역', en: 'Consents' },
  'access.field.other': { ko: '기타 개인정보', en: 'Other personal data' },
  'access.reason.admin.audit.read': { ko: '감사 기록 열람', en: 'Reading the audit log' },
  'access.reason.admin.access-log.read': {
    ko: '개인정보 접속기록 열람',
    en: 'Reading the personal-data access log',
  },
  'access.reason.notify.devMailbox.list': { ko: '개발용 메일함 목록 열람', en: 'Listing the dev mailbox' },
  'access.reason.notify.devMailbox.read': {
    ko: '개발용 메일함 메일 열람',
    en: 'Reading a dev mailbox email',
  },
  'access.reason.notify.smsOutbox.list': { ko: '보낸 문자 목록 열람', en: 'Listing the text messages sent' },
};
