import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../api/session.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { MorePager } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { type PollList, usePolls } from './api.ts';
import './messages.ts';
import './polls.css';

type Summary = PollList['items'][number];

/** "최대 3개 선택", "하나 선택"… */
export function kindLabel(t: TFunction, p: Pick<Summary, 'kind' | 'maxChoices'>) {
  return t(`poll.kind.${p.kind}`, { max: p.maxChoices ?? 0 });
}

// /governance/polls: open polls (closing soonest first) or closed ones (latest first), paged.
export default function Polls() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const state = params.get('state') === 'closed' ? 'closed' : 'open';
  const polls = usePolls(state);
  const me = useMe();
  const staff = me.data?.roles?.some((r) => r === 'staff' || r === 'admin');
  return (
    <Page
      title={t('poll.title')}
      lead={t('poll.lead')}
      crumbs={[{ to: '/governance', label: t('poll.governance') }]}
    >
      {staff && (
        <p>
          <Link to="/governance/staff/polls">{t('poll.staffLink')}</Link>
        </p>
      )}
      <nav className="poll-tabs" aria-label={t('poll.title')}>
        <Link
          className="poll-tab"
          to="/governance/polls"
          aria-current={state === 'open' ? 'page' : undefined}
        >
          {t('poll.openTab')}
        </Link>
        <Link
          className="poll-tab"
          to="/governance/polls?state=closed"
          aria-current={state === 'closed' ? 'page' : undefined}
        >
          {t('poll.closedTab')}
        </Link>
      </nav>
      <QueryState query={polls} loading={{ cards: 2 }}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <EmptyState
                icon="participation"
                title={t(state === 'open' ? 'poll.noneOpen' : 'poll.noneClosed')}
                text={t('poll.noneText')}
              />
            );
          return (
            <>
              <ul className="card-list">
                {items.map((p) => (
                  <li key={p.id} className="card">
                    <h2 className="card-title">
                      <Link to={`/governance/polls/${p.id}`}>{p.title}</Link>{' '}
                      <span className="badge">{t(`poll.state.${p.state}`)}</span>{' '}
                      {p.sample && <span className="badge">{t('poll.sample')}</span>}
                    </h2>
                    <p className="poll-meta">
                      {kindLabel(t, p)} ·{' '}
                      {t('poll.voters', { count: p.voters, formatted: formatNumber(p.voters) })}
                    </p>
                    <p className="poll-meta">
                      {t('poll.period', {
                        opens: formatDateTime(p.opensAt),
                        closes: formatDateTime(p.closesAt),
                      })}
                    </p>
                  </li>
                ))}
              </ul>
              <MorePager
                shown={items.length}
                hasMore={polls.hasNextPage}
                loading={polls.isFetchingNextPage}
                onMore={() => void polls.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
