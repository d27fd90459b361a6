import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CHECK_SORTS,
  type CheckFacets,
  type CheckSort,
  type CheckStatusFilter,
  type EligibilityCheckInput,
} from '../../../../contracts/youth-eligibility.ts';
import type { PolicyField } from '../../../../contracts/youth-policies.ts';
import { useSelfCheck } from '../../api/youth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { MorePager } from '../../ui/Pager.tsx';
import { POLICY_FIELDS } from './codes.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { Deadline, FieldBadges, RuleSummary, StatusBadge } from './parts.tsx';
import './messages.ts';
import './youth.css';

/** What the status filter offers, in this order; the server's default first. */
const STATUS_CHOICES: CheckStatusFilter[] = [
  'available',
  'open',
  'closing_soon',
  'upcoming',
  'always_open',
  'closed',
  'all',
];

interface Filters {
  field: PolicyField | '';
  status: CheckStatusFilter;
  sort: CheckSort;
}
const DEFAULT_FILTERS: Filters = { field: '', status: 'available', sort: 'deadline' };

/** How many fitting policies a status choice would list (under the field filter). */
function statusCount(f: CheckFacets, choice: CheckStatusFilter): number {
  const s = f.statuses;
  const all = s.open + s.closing_soon + s.always_open + s.upcoming + s.closed;
  if (choice === 'all') return all;
  if (choice === 'available') return all - s.closed;
  if (choice === 'open') return s.open + s.closing_soon;
  return s[choice];
}

/**
 * The policies that fit the facts given (the self-check's form, or the saved profile), a page at a
 * time from the server, with filters by field and status (each choice says how many it lists) and
 * a sort. Closed policies are left out unless asked for, and the page says how many that hid.
 * `search` changes with each submitted search: the answer is fetched anew and focus moves to its
 * count, which is also announced politely (filters announce their new count without moving focus).
 */
export function CheckResults({
  id,
  facts,
  search = 0,
  scope = 'public',
  onError,
}: {
  /** The count's id (the element focus moves to); the filters' ids start with it. */
  id: string;
  facts: EligibilityCheckInput | null;
  search?: number;
  scope?: 'public' | 'youth';
  /** A refusal of the facts (the form puts it on its fields). */
  onError?: (error: Error) => void;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const body: EligibilityCheckInput | null = facts && {
    ...facts,
    ...(filters.field ? { field: filters.field } : {}),
    status: filters.status,
    sort: filters.sort,
  };
  const check = useSelfCheck(body, scope, search);
  // While a new filter's answer loads, the last one stays (the filters with it, so focus stays put).
  const last = useRef(check.data);
  if (check.data) last.current = check.data;
  const data = facts ? (check.data ?? last.current) : undefined;
  const first = data?.pages[0];
  const items = data?.pages.flatMap((p) => p.items) ?? [];
  const count = useRef<HTMLParagraphElement>(null);
  const firstNew = useRef<HTMLAnchorElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [focusCount, setFocusCount] = useState(false);

  useEffect(() => {
    if (search > 0) setFocusCount(true);
  }, [search]);
  useEffect(() => {
    if (check.error) onError?.(check.error);
  }, [check.error, onError]);
  const answered = !!check.data && !check.isPlaceholderData && !check.isFetching;
  useEffect(() => {
    if (focusCount && answered) {
      setFocusCount(false);
      count.current?.focus();
    }
  }, [focusCount, answered]);
  // After "more", the keyboard continues at the first newly loaded policy.
  useEffect(() => {
    if (focusIndex !== null && items.length > focusIndex) {
      firstNew.current?.focus();
      setFocusIndex(null);
    }
  }, [items.length, focusIndex]);

  const set = (next: Partial<Filters>) => setFilters({ ...filters, ...next });
  const facets = first?.facets;
  const fitsAtAll = facets ? statusCount(facets, 'all') : 0;
  const hiddenClosed = facets && filters.status === 'available' ? facets.statuses.closed : 0;
  const active =
    (filters.field ? 1 : 0) +
    (filters.status !== 'available' ? 1 : 0) +
    (filters.sort !== 'deadline' ? 1 : 0);
  const countLine = !first
    ? ''
    : first.total > 0
      ? [
          t('youthPages.check.count', { count: first.total }),
          hiddenClosed > 0 ? t('youthPages.check.closedHidden', { count: hiddenClosed }) : '',
        ]
          .filter(Boolean)
          .join(' ')
      : fitsAtAll === 0 && !filters.field
        ? t('youth.check.none')
        : t('youthPages.check.noneFiltered');

  if (!facts) return null;
  return (
    <>
      <p id={id} ref={count} role="status" className="youth-count" tabIndex={-1}>
        {countLine}
      </p>
      {check.isError && <Alert kind="danger">{check.error.message}</Alert>}
      {!first && check.isFetching && <p className="loading">{t('common.loading')}</p>}
      {facets && (
        <FilterPanel id={`${id}-filters`} active={active}>
          <div className="youth-filter-row youth-check-filters">
            <SelectField
              label={t('youthPages.check.field')}
              name="field"
              value={filters.field}
              onChange={(e) => set({ field: e.target.value as PolicyField | '' })}
            >
              <option value="">
                {t('youthPages.check.fieldCount', {
                  name: t('youthPages.check.allFields'),
                  count: facets.anyField,
                })}
              </option>
              {POLICY_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t('youthPages.check.fieldCount', {
                    name: t(`youth.codes.field.${f}`),
                    count: facets.fields[f],
                  })}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('youthPages.check.status')}
              name="status"
              value={filters.status}
              onChange={(e) => set({ status: e.target.value as CheckStatusFilter })}
            >
              {STATUS_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {t('youthPages.check.fieldCount', {
                    name: t(`youthPages.check.statusChoice.${s}`),
                    count: statusCount(facets, s),
                  })}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('youthPages.check.sort')}
              name="sort"
              value={filters.sort}
              onChange={(e) => set({ sort: e.target.value as CheckSort })}
            >
              {CHECK_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`youthPages.check.sortChoice.${s}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </FilterPanel>
      )}
      {hiddenClosed > 0 && (
        <p>
          <Button variant="tertiary" className="btn-small" onClick={() => set({ status: 'all' })}>
            {t('youthPages.check.showClosed', { count: hiddenClosed })}
          </Button>
        </p>
      )}
      {first && first.total === 0 && (
        <EmptyState
          headingLevel={3}
          title={countLine}
          text={<p>{t(fitsAtAll === 0 ? 'youthPages.check.emptyText' : 'youthPages.check.emptyFiltered')}</p>}
          actions={
            active > 0 ? (
              <Button variant="secondary" onClick={() => setFilters(DEFAULT_FILTERS)}>
                {t('youthPages.check.clearFilters')}
              </Button>
            ) : (
              <Link className="btn btn-secondary" to="/youth/policies">
                {t('youthPages.check.browseAll')}
              </Link>
            )
          }
        />
      )}
      {items.length > 0 && (
        <ul className="card-list youth-results" aria-busy={check.isFetching && !check.isFetchingNextPage}>
          {items.map((item, i) => (
            <li key={item.id} className="card youth-card">
              <h3 className="card-title">
                <Link to={`/youth/policies/${item.id}`} ref={i === focusIndex ? firstNew : undefined}>
                  {item.title}
                </Link>
              </h3>
              <p className="youth-meta">
                <StatusBadge status={item.status} />
                <span>
                  {t('youth.deadline')}: <Deadline deadline={item.deadline} status={item.status} />
                </span>
                <FieldBadges fields={item.fields} />
              </p>
              <RuleSummary rules={item.rules} />
            </li>
          ))}
        </ul>
      )}
      {first && (check.hasNextPage || (data?.pages.length ?? 0) > 1) && (
        <MorePager
          shown={items.length}
          total={first.total}
          hasMore={!!check.hasNextPage}
          loading={check.isFetchingNextPage}
          onMore={() => {
            setFocusIndex(items.length);
            void check.fetchNextPage();
          }}
        />
      )}
    </>
  );
}
