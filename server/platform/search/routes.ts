import { SearchQuery, SearchResults } from '../../../contracts/search.ts';
import { routes } from '../http.ts';
import { search } from './queries.ts';

export const searchRoutes = routes((app) => {
  app.get(
    '/api/v1/search',
    {
      config: { access: 'public' },
      schema: { tags: ['search'], querystring: SearchQuery, response: { 200: SearchResults } },
    },
    async (req) => search(req.ctx, req.query),
  );
});
