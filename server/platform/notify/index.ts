// The notifications core, as other modules use it.

export { type AudienceMessage, type AudienceResult, notifyAudience } from './audience.ts';
export { type DispatchDeps, dispatchPending } from './dispatch.ts';
export { defineNotificationKind, type Localized } from './kinds.ts';
export {
  DISPATCH_JOB,
  type EmailInput,
  enqueueNotification,
  type NotificationInput,
  queueEmail,
} from './outbox.ts';
