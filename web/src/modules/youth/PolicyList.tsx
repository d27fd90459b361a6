import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  policyFiltersFrom as filtersFrom,
  POLICY_FILTER_KEYS as KEYS,
  type PolicyListFilters,
  usePolicyList,
} from '../../api/youth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { POLICY_FIELDS, SORTS, STATUS_FILTERS, YEONGDEUNGPO } from './codes.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { FollowButtons, type FollowTarget } from './follow/FollowButtons.tsx';
import { Deadline, FieldBadges, StatusBadge } from './parts.tsx';
import { DidYouMean, NoPolicies } from './SearchHelp.tsx';
import './youth.css';

// The policy list: the filters live in the address, so a search can be shared and the back button works.
export default function PolicyList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [draft, setDraft] = useState(filters);
  const address = params.toString();
  // Back and forward change the address: the form follows it.
  useEffect(() => setDraft(filtersFrom(new URLSearchParams(address))), [address]);
  const list = usePolicyList(filters);
  const [announce, setAnnounce] = useState('');
  const firstNew = useRef<HTMLAnchorElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  const count = useRef<HTMLParagraphElement>(null);
  const [searched, setSearched] = useState(false);

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const suggestion = list.data?.pages[0]?.suggestion;
  const hasMore = !!list.hasNextPage;
  useEffect(() => {
    if (list.isPending || list.isError) return;
    setAnnounce(
      items.length === 0
        ? t('youth.list.none')
        : hasMore
          ? t('youth.list.countMore', { count: items.length })
          : t('youth.list.count', { count: items.length }),
    );
  }, [items.length, hasMore, list.isPending, list.isError, t]);
  // After a search the reader goes to its count (on a phone, the results start there).
  useEffect(() => {
    if (searched && !list.isFetching && announce) {
      setSearched(false);
      count.current?.focus();
    }
  }, [searched, list.isFetching, announce]);
  // After "more", the keyboard continues at the first newly loaded policy.
  useEffect(() => {
    if (focusIndex !== null && items.length > focusIndex) {
      firstNew.current?.focus();
      setFocusIndex(null);
    }
  }, [items.length, focusIndex]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    for (const key of KEYS) if (draft[key].trim()) next[key] = draft[key].trim();
    setParams(next);
    setSearched(true);
  };
  const activeFilters = (['field', 'region', 'status', 'sort'] as const).filter((k) => filters[k]).length;
  const set = (key: keyof PolicyListFilters, value: string) => setDraft({ ...draft, [key]: value });

  return (
    <Page
      title={t('youth.list.title')}
      crumbs={[{ to: '/youth', label: t('nav.youth') }]}
      lead={t('youth.list.lead')}
    >
      <search>
        <form onSubmit={submit} className="form youth-filters" noValidate>
          {/* The words and the button on one row, the filters folded below: results start higher. */}
          <div className="youth-search-row">
            <TextField
              label={t('youth.list.searchLabel')}
              type="search"
              name="q"
              value={draft.q}
              hint={t('youth.list.searchHint')}
              onChange={(e) => set('q', e.target.value)}
            />
            <Button type="submit">{t('youth.list.submit')}</Button>
          </div>
          <FilterPanel id="youth-list-filters" active={activeFilters}>
            <div className="youth-filter-row">
              <SelectField
                label={t('youth.list.field')}
                name="field"
                value={draft.field}
                onChange={(e) => set('field', e.target.value)}
              >
                <option value="">{t('youth.list.all')}</option>
                {POLICY_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {t(`youth.codes.field.${f}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('youth.list.region')}
                name="region"
                value={draft.region}
                onChange={(e) => set('region', e.target.value)}
              >
                <option value="">{t('youth.list.allRegions')}</option>
                <option value={YEONGDEUNGPO}>{t(`youth.codes.district.${YEONGDEUNGPO}`)}</option>
              </SelectField>
              <SelectField
                label={t('youth.list.status')}
                name="status"
                value={draft.status}
                onChange={(e) => set('status', e.target.value)}
              >
                <option value="">{t('youth.list.all')}</option>
                {STATUS_FILTERS.map((s) => (
                  <option key={s} value={s}>
                    {t(`youth.status.${s}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('youth.list.sort')}
                name="sort"
                value={draft.sort || 'relevance'}
                onChange={(e) => set('sort', e.target.value === 'relevance' ? '' : e.target.value)}
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`youth.sort.${s}`)}
                  </option>
                ))}
              </SelectField>
            </div>
          </FilterPanel>
        </form>
      </search>
      <section aria-labelledby="youth-results" className="section">
        <h2 id="youth-results">
          {filters.q ? t('youth.list.resultsFor', { q: filters.q }) : t('youth.list.results')}
        </h2>
        <p id="youth-list-count" ref={count} role="status" className="youth-count" tabIndex={-1}>
          {announce}
        </p>
        {list.isPending && <p className="loading">{t('common.loading')}</p>}
        {list.isError && <Alert kind="danger">{(list.error as Error).message}</Alert>}
        {suggestion && <DidYouMean suggestion={suggestion} />}
        {list.isSuccess && items.length === 0 && <NoPolicies />}
        {items.length > 0 && (
          <ul className="card-list">
            {items.map((p, i) => (
              <li key={p.id} className="card youth-card">
                <h3 className="card-title">
                  <Link to={`/youth/policies/${p.id}`} ref={i === focusIndex ? firstNew : undefined}>
                    {p.title}
                  </Link>
                </h3>
                <p className="youth-meta">
                  <StatusBadge status={p.status} />
                  <FieldBadges fields={p.fields} />
                </p>
                <dl className="facts">
                  <div>
                    <dt>{t('youth.deadline')}</dt>
                    <dd>
                      <Deadline deadline={p.deadline} status={p.status} />
                    </dd>
                  </div>
                  {p.operator && (
                    <div>
                      <dt>{t('youth.operator')}</dt>
                      <dd>{p.operator}</dd>
                    </div>
                  )}
                </dl>
                {p.summary && <p className="youth-summary">{p.summary}</p>}
              </li>
            ))}
          </ul>
        )}
        {hasMore && (
          <p>
            <Button
              variant="secondary"
              disabled={list.isFetchingNextPage}
              onClick={() => {
                setFocusIndex(items.length);
                list.fetchNextPage();
              }}
            >
              {list.isFetchingNextPage ? t('common.loading') : t('common.more')}
            </Button>
          </p>
        )}
      </section>
      {/* Below the results, so that a phone's first screen reaches them. */}
      <FollowSearch filters={filters} />
      <p className="youth-links">
        <Link to="/youth/check">{t('youth.check.title')}</Link>
        {' · '}
        <Link to="/youth/for-me">{t('youth.forMe.title')}</Link>
      </p>
    </Page>
  );
}

/** Follow the field, area or search word of the current search (shown only when the search has one). */
function FollowSearch({ filters }: { filters: PolicyListFilters }) {
  const { t } = useTranslation();
  const targets: FollowTarget[] = [];
  const field = POLICY_FIELDS.find((f) => f === filters.field);
  if (field) targets.push({ kind: 'field', target: field });
  if (/^[0-9]{5}$/.test(filters.region)) targets.push({ kind: 'region', target: filters.region });
  const q = filters.q.trim();
  if (q && q.length <= 50) targets.push({ kind: 'keyword', target: q });
  if (targets.length === 0) return null;
  return (
    <section aria-labelledby="youth-follow-search" className="section">
      <h2 id="youth-follow-search">{t('youthFollow.listTitle')}</h2>
      <p className="note">{t('youthFollow.listHint')}</p>
      <FollowButtons targets={targets} />
    </section>
  );
}
