import type { IconName } from '../ui/Icon.tsx';

/**
 * The services the 2019 report promises, each with the server module that will provide it
 * (`defineModule` name) and the page it opens on. A card shows "준비 중" until GET /api/v1/modules
 * lists its module; when a module lands, it is installed on the server and its card becomes a link
 * with no change here (unless its page differs from `to`). The names of modules not yet written are
 * the ones their authors should use.
 */
export const FEATURES = {
  youthPolicies: { module: 'youth', to: '/youth/policies', icon: 'search' },
  spaceBooking: { module: 'booking', to: '/booking', icon: 'calendar' },
  jobPrograms: { module: 'booking', to: '/booking/programs', icon: 'jobs' },
  projectContest: { module: 'contest', to: '/contest', icon: 'youth' },
  // The online forum (온라인공론장) opens with the deliberation map (issue 11).
  forum: { module: 'governance', to: '/governance/deliberations', icon: 'participation' },
  // Polls and selection votes (투표·선정 투표, issue 11).
  polls: { module: 'governance', to: '/governance/polls', icon: 'chart' },
  // Town halls and forums are booking programs in the governance area (issue 11).
  townHall: { module: 'booking', to: '/booking/programs?area=governance', icon: 'governance' },
  // The ten governance projects (협치사업) and their working groups (issue 11), in the governance module.
  governanceProjects: { module: 'governance', to: '/governance/projects', icon: 'check' },
  enterprises: { module: 'social-economy', to: '/social-economy', icon: 'socialEconomy' },
  enterpriseSupport: { module: 'enterprise-support', to: '/social-economy/support', icon: 'welfare' },
  procurement: { module: 'procurement', to: '/social-economy/procurement', icon: 'building' },
  survey: { module: 'survey', to: '/social-economy/survey', icon: 'check' },
} as const satisfies Record<string, { module: string; to: string; icon: IconName }>;

export type FeatureKey = keyof typeof FEATURES;
