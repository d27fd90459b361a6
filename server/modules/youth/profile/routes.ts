import { Ok } from '../../../../contracts/common.ts';
import {
  PoliciesForMe,
  YouthProfileBody,
  YouthProfileState,
} from '../../../../contracts/youth-eligibility.ts';
import { AppError } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import { findEligiblePolicies } from '../eligibility/index.ts';
import { deleteProfile, saveProfile } from './commands.ts';
import { presentForMe } from './for-me.ts';
import { eligibilityProfileOf, findUsableProfile, presentProfile } from './queries.ts';

const tags = ['youth'];

export const profileRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/profile',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: YouthProfileState } } },
    async (req) => {
      const { row, consent } = await findUsableProfile(
        req.ctx.db,
        req.ctx.organizationId,
        req.ctx.actor.userId,
      );
      return { profile: row ? presentProfile(row) : null, consent };
    },
  );

  app.put(
    '/api/v1/youth/profile',
    {
      config: { access: 'signed-in' },
      schema: { tags, body: YouthProfileBody, response: { 200: YouthProfileState } },
    },
    async (req) => ({ profile: presentProfile(await saveProfile(req.ctx, req.body)), consent: true }),
  );

  app.delete(
    '/api/v1/youth/profile',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: Ok } } },
    async (req) => {
      await deleteProfile(req.ctx);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/youth/policies/for-me',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: PoliciesForMe } } },
    async (req) => {
      const { db, organizationId, locale } = req.ctx;
      const { row } = await findUsableProfile(db, organizationId, req.ctx.actor.userId);
      if (!row) throw new AppError('youth_profile_required', 409);
      const found = await findEligiblePolicies(db, organizationId, eligibilityProfileOf(row), todayInSeoul());
      return { items: presentForMe(found, locale) };
    },
  );
});
