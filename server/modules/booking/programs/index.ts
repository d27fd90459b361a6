import { sessionCheckinMessages } from './checkin.ts';
import { expireOffersJob } from './jobs.ts';
import { programMessages } from './messages.ts';
import { programMinutesKind, programSeatOfferedKind } from './notify.ts';
import { programPolicies } from './policy.ts';
import { programPrivacy } from './privacy.ts';
import { programRoutes } from './routes.ts';
import * as programTables from './tables.ts';
import { rollCallQueue } from './work-queue.ts';

export { programCountsByKindAndYear } from './counts.ts';

// Programs and events with sessions and registration (issue 10, "Sessions"): what the booking
// module's declaration takes from this sub-feature, in one object.
export const programsFeature = {
  routes: programRoutes,
  policies: programPolicies,
  job: expireOffersJob,
  notificationKinds: [programSeatOfferedKind, programMinutesKind],
  messages: { ...programMessages, ...sessionCheckinMessages },
  privacy: programPrivacy,
  workQueue: rollCallQueue,
  /** Tables naming a person, covered by the exporter and eraser above. */
  personalTables: ['booking_registrations', 'booking_lottery_draws', 'booking_attendance'],
  tables: programTables,
};
