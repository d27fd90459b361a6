import { defineModule } from '../../platform/modules/define.ts';
import { bookingCalendarFeed } from './calendar.ts';
import { messages } from './messages.ts';
import { bookingChangedKind } from './notify.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { programsFeature as programs } from './programs/index.ts';
import { bookingRoutes } from './routes.ts';
import * as tables from './tables.ts';
import { approvalQueue } from './work-queue.ts';

/** Programs held per kind in a year (the administration's plan targets are measured from it). */
export { programCountsByKindAndYear } from './programs/index.ts';

// Booking (공간 예약, issue 10): the places of the 2019 report, their rooms, desks and the vehicle,
// free slots, bookings that the database never lets overlap, staff approvals, cancellations and blocks.
export const bookingModule = defineModule({
  name: 'booking',
  routes: [bookingRoutes, programs.routes],
  policies: [policies, programs.policies],
  jobs: [programs.job],
  notificationKinds: [bookingChangedKind, programs.notificationKind],
  messages: [messages, programs.messages],
  privacy: [privacy, programs.privacy],
  personalTables: { covers: ['booking_bookings', ...programs.personalTables] },
  workQueues: [approvalQueue, programs.workQueue],
  calendarFeed: bookingCalendarFeed,
  tables: { ...tables, ...programs.tables },
});
