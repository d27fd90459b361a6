import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  PROPOSAL_CATEGORIES,
  PROPOSAL_FILTERS,
  PROPOSAL_SORTS,
} from '../../../../../contracts/governance-proposals.ts';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { MorePager } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { type ProposalFilters, useProposals } from './api.ts';
import { ProposalThumb } from './ProposalImage.tsx';

const newSeed = () => Math.random().toString(36).slice(2, 10);

// A process's proposals: filters by category and status, sort by supports, newest or a random order
// whose seed stays the same while paging ("다시 섞기" picks a new one), 10 at a time.
export function ProposalList({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ProposalFilters>({
    category: '',
    status: '',
    sort: 'supports',
    seed: newSeed(),
  });
  const list = useProposals(processId, filters);
  const set = (key: keyof ProposalFilters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  return (
    <>
      <div className="proposal-filters">
        <SelectField label={t('process.filterCategory')} value={filters.category} onChange={set('category')}>
          <option value="">{t('process.all')}</option>
          {PROPOSAL_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`process.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('process.filterStatus')} value={filters.status} onChange={set('status')}>
          <option value="">{t('process.all')}</option>
          {PROPOSAL_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`process.statusFilter.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('process.sort')} value={filters.sort} onChange={set('sort')}>
          {PROPOSAL_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`process.sortBy.${s}`)}
            </option>
          ))}
        </SelectField>
        {filters.sort === 'random' && (
          <Button variant="secondary" onClick={() => setFilters((f) => ({ ...f, seed: newSeed() }))}>
            {t('process.reshuffle')}
          </Button>
        )}
      </div>
      <QueryState query={list} loading={{ cards: 3 }}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <EmptyState
                icon="search"
                title={t('process.noProposals')}
                text={t('process.noProposalsText')}
              />
            );
          return (
            <>
              <ul className="card-list proposal-list">
                {items.map((p) => (
                  <li key={p.id} className={p.image ? 'card proposal-card-with-image' : 'card'}>
                    <ProposalThumb image={p.image} />
                    <h3 className="card-title">
                      <Link to={`/governance/proposals/${p.id}`}>{p.title}</Link>
                    </h3>
                    <p className="proposal-badges">
                      <span className="badge">{t(`process.category.${p.category}`)}</span>
                      {p.answerStatus && (
                        <span className="badge">{t(`process.answerStatus.${p.answerStatus}`)}</span>
                      )}
                      {p.eligible && !p.answerStatus && (
                        <span className="badge">{t('process.eligible')}</span>
                      )}
                      {p.sample && <span className="badge">{t('process.sample')}</span>}
                    </p>
                    <p className="proposal-meta">
                      {t('process.supports', { count: p.supports })} ·{' '}
                      {t('process.comments', { count: p.comments })} ·{' '}
                      {t('process.byline', { author: p.author, day: formatDate(p.createdAt) })}
                    </p>
                  </li>
                ))}
              </ul>
              <MorePager
                shown={items.length}
                hasMore={list.hasNextPage}
                loading={list.isFetchingNextPage}
                onMore={() => void list.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
