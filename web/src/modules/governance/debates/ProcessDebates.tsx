import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../../api/session.ts';
import { formatDate } from '../../../ui/format.ts';
import { MorePager } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useProcessDebates } from './api.ts';
import './messages.ts';
import './debates.css';

// The process page's debate section: the process's debates, newest first, five at a time, each
// with its status and number of comments; staff get the link to open a new one.
export function ProcessDebates({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useProcessDebates(processId);
  return (
    <section aria-labelledby="process-debates" className="section">
      <h2 id="process-debates">{t('debate.sectionTitle')}</h2>
      <p>{t('debate.sectionLead')}</p>
      {hasRole(me.data, 'staff', 'admin') && (
        <p>
          <Link to={`/governance/staff/processes/${processId}/debates/new`}>{t('debate.staffCreate')}</Link>
        </p>
      )}
      <QueryState query={list} loading={{ cards: 1 }}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0) return <p>{t('debate.none')}</p>;
          return (
            <>
              <ul className="card-list debate-list">
                {items.map((d) => (
                  <li key={d.id} className="card">
                    <h3 className="card-title">
                      <Link to={`/governance/debates/${d.id}`}>{d.title}</Link>
                    </h3>
                    <p className="debate-badges">
                      <span className={`badge debate-status-${d.status}`}>
                        {t(`debate.status.${d.status}`)}
                      </span>
                      {d.sample && <span className="badge">{t('debate.sample')}</span>}
                    </p>
                    <p className="debate-meta">
                      {t('debate.comments', { count: d.comments })} · {formatDate(d.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
              {(list.hasNextPage || data.pages.length > 1) && (
                <MorePager
                  shown={items.length}
                  hasMore={list.hasNextPage}
                  loading={list.isFetchingNextPage}
                  onMore={() => void list.fetchNextPage()}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
