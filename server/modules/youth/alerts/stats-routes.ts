import { AlertStats, AlertStatsQuery } from '../../../../contracts/youth-staff.ts';
import { AppError } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http.ts';
import { t } from '../../../platform/i18n/messages.ts';
import { notificationStats } from '../../../platform/notify/stats.ts';

// Staff: youth alerts sent and opened, per kind and channel, over an optional range of days.
const tags = ['youth'];

export const alertStatsRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/alerts/stats',
    {
      config: { access: { action: 'youth.policies.manage' } },
      schema: { tags, querystring: AlertStatsQuery, response: { 200: AlertStats } },
    },
    async (req) => {
      const { from, to } = req.query;
      if (from && to && from > to)
        throw new AppError('validation_failed', 400, {}, [
          {
            field: 'querystring.to',
            code: 'date_order',
            message: t(req.ctx.locale, 'field.youth_stats_range'),
          },
        ]);
      const stats = await notificationStats(req.ctx.db, req.ctx.organizationId, 'youth.', { from, to });
      return { from: from ?? null, to: to ?? null, ...stats };
    },
  );
});
