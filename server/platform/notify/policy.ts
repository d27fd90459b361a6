import { isAdmin } from '../access/actor.ts';
import type { Policy } from '../access/authorize.ts';

export const policies: Record<string, Policy> = {
  // The dev mailbox holds other people's emails (links that open accounts): admins only.
  'notify.devMailbox.read': (actor) => actor.signedIn && isAdmin(actor),
  // Text messages sent through the demo provider hold phone numbers: admins only.
  'notify.smsOutbox.read': (actor) => actor.signedIn && isAdmin(actor),
};
