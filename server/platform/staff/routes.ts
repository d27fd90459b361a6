import { StaffQueues } from '../../../contracts/staff.ts';
import { routes } from '../http.ts';
import { workQueuesFor } from './work-queues.ts';

export const staffRoutes = routes((app) => {
  app.get(
    '/api/v1/staff/queues',
    {
      config: { access: { action: 'staff.queues.read' } },
      schema: {
        tags: ['staff'],
        summary:
          'What waits for me: each work queue with its count and the oldest item’s age in working days',
        response: { 200: StaffQueues },
      },
    },
    async (req) => ({
      items: await workQueuesFor(req.ctx.db, {
        organizationId: req.ctx.organizationId,
        actor: req.ctx.actor,
        locale: req.ctx.locale,
      }),
    }),
  );
});
