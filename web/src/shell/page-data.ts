import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { budgetQuery, installedModulesQuery, organizationQuery, planQuery } from '../api/public.ts';
import { meQuery } from '../api/session.ts';
import { policyFiltersFrom, policyListQuery, policyQuery } from '../api/youth.ts';

// On a cheap phone the first page otherwise loads as a chain: the app's code, then the page's code,
// then the page's data once it has rendered. Here the page's code and its first answers are asked
// together as soon as the app starts, with the same query options the page uses, so that the page
// finds them in the query cache (or on their way) when it renders.
interface PageData {
  path: string;
  code?: () => Promise<unknown>;
  data: (params: Record<string, string | undefined>, search: URLSearchParams, language: string) => void;
}

const areaPage = (qc: QueryClient) => () => {
  qc.prefetchQuery(planQuery());
  qc.prefetchQuery(budgetQuery());
};

const pagesOf = (qc: QueryClient): PageData[] => [
  {
    path: '/',
    data: () => {
      qc.prefetchQuery(planQuery());
      qc.prefetchQuery(installedModulesQuery);
    },
  },
  {
    path: '/youth/policies',
    code: () => import('../modules/youth/PolicyList.tsx'),
    data: (_, search, language) =>
      qc.prefetchInfiniteQuery(policyListQuery(policyFiltersFrom(search), language)),
  },
  {
    path: '/youth/policies/:id',
    code: () => import('../modules/youth/PolicyDetail.tsx'),
    data: ({ id }, _, language) => {
      if (id) qc.prefetchQuery(policyQuery(id, language));
    },
  },
  {
    path: '/administration/budget',
    code: () => import('../modules/administration/Budget.tsx'),
    data: areaPage(qc),
  },
  {
    path: '/administration/plan',
    code: () => import('../modules/administration/PlanTable.tsx'),
    data: areaPage(qc),
  },
  { path: '/youth', code: () => import('../modules/youth/Youth.tsx'), data: areaPage(qc) },
  { path: '/governance', code: () => import('../modules/governance/Governance.tsx'), data: areaPage(qc) },
  {
    path: '/social-economy',
    code: () => import('../modules/social-economy/SocialEconomy.tsx'),
    data: areaPage(qc),
  },
];

/** Starts the first page's code and data, and what every page needs (who is signed in, the organization). */
export function preloadFirstPage(qc: QueryClient, location: Location, language: string): void {
  qc.prefetchQuery(meQuery);
  qc.prefetchQuery(organizationQuery);
  for (const page of pagesOf(qc)) {
    const match = matchPath(page.path, location.pathname);
    if (!match) continue;
    page.code?.().catch(() => undefined); // a failed load is reported when the page itself asks
    page.data(match.params, new URLSearchParams(location.search), language);
    return;
  }
}
