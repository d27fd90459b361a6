import { defineModule } from '../../platform/modules/define.ts';
import { bookingCalendarFeed } from './calendar.ts';
import { noShowsJob, remindersJob } from './jobs.ts';
import { messages } from './messages.ts';
import { bookingChangedKind, bookingReminderKind } from './notify.ts';
import * as photoTables from './photo-tables.ts';
import { photoMessages, photoRoutes } from './photos.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { programsFeature as programs } from './programs/index.ts';
import { staffViewMessages, staffViewRoutes } from './programs/staff-views.ts';
import { resourcesAdminMessages, resourcesAdminRoutes } from './resources-admin.ts';
import { resourcesLifecycleMessages, resourcesLifecycleRoutes } from './resources-lifecycle.ts';
import { bookingRoutes } from './routes.ts';
import * as tables from './tables.ts';
import { appealQueue, approvalQueue } from './work-queue.ts';

/** Programs held per kind in a year (the administration's plan targets are measured from it). */
export { programCountsByKindAndYear } from './programs/index.ts';

// Booking (공간 예약, issue 10): the places of the 2019 report, their rooms, desks and the vehicle,
// free slots, bookings that the database never lets overlap, staff approvals, cancellations and blocks.
export const bookingModule = defineModule({
  name: 'booking',
  routes: [
    bookingRoutes,
    resourcesAdminRoutes,
    resourcesLifecycleRoutes,
    programs.routes,
    staffViewRoutes,
    photoRoutes,
  ],
  policies: [policies, programs.policies],
  jobs: [programs.job, noShowsJob, remindersJob],
  notificationKinds: [bookingChangedKind, bookingReminderKind, ...programs.notificationKinds],
  messages: [
    messages,
    resourcesAdminMessages,
    resourcesLifecycleMessages,
    programs.messages,
    staffViewMessages,
    photoMessages,
  ],
  privacy: [privacy, programs.privacy],
  personalTables: { covers: ['booking_bookings', 'booking_suspensions', ...programs.personalTables] },
  workQueues: [approvalQueue, appealQueue, programs.workQueue],
  calendarFeed: bookingCalendarFeed,
  tables: { ...tables, ...photoTables, ...programs.tables },
});
