import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { buildBooking } from './booking.ts';
import { buildBookingPhotos } from './booking-photos.ts';
import { buildBookingPrograms } from './booking-programs.ts';
import { buildBudget } from './budget.ts';
import { buildEnterprises } from './enterprises.ts';
import { buildEquipment, buildFacilities } from './facilities.ts';
import { buildGovernanceDeliberation } from './governance-deliberation.ts';
import { buildGovernancePolls } from './governance-polls.ts';
import { buildGovernanceProcess } from './governance-process.ts';
import { buildGovernanceProjects } from './governance-projects.ts';
import { buildPlan } from './plan.ts';
import { buildSearchIndex } from './search.ts';
import { buildStaffing } from './staffing.ts';
import { buildTeams } from './teams.ts';
import { buildYouthPolicies } from './youth-policies.ts';

/** A demo builder adds one part of the 2019 demo for an organization; it must be idempotent. */
export type DemoBuilder = (tx: DbOrTx, organizationId: string) => Promise<void>;

// In load order.
export const demoBuilders: DemoBuilder[] = [
  // administration and the enterprise registry (helper C)
  buildTeams,
  buildStaffing,
  buildFacilities,
  buildEquipment,
  buildBudget,
  buildPlan,
  buildEnterprises,
  buildYouthPolicies, // the 2019 plan's youth programmes as local policies
  buildBooking, // the report's bookable places, rooms and the division's car (issue 10)
  buildBookingPhotos, // a sample illustration (예시) per place, drawn in code
  buildBookingPrograms, // after the rooms: the report's courses and events with sample registrations
  buildGovernanceDeliberation, // issue 11: the sample deliberation for the 2020 community-innovation plan
  buildGovernanceProjects, // issue 11: the ten sample governance projects with their working groups
  buildGovernancePolls, // issue 11: two sample polls, one open and one closed with results
  buildGovernanceProcess, // issue 11: the sample participatory process with its proposals
  buildSearchIndex, // last: indexes what the others made
];
