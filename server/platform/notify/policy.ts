import { isAdmin } from '../access/actor.ts';
import { definePolicies } from '../access/authorize.ts';

definePolicies({
  // The dev mailbox holds other people's emails (links that open accounts): admins only.
  'notify.devMailbox.read': (actor) => actor.signedIn && isAdmin(actor),
});

definePolicies({
  // Text messages sent through the demo provider hold phone numbers: admins only.
  'notify.smsOutbox.read': (actor) => actor.signedIn && isAdmin(actor),
});
