import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useDeliberations } from './api.ts';
import { deliberationCounts } from './counts.ts';
import './deliberation.css';
import './messages.ts';

// /governance/deliberations: open deliberations first, each with its counts.
export default function Deliberations() {
  const { t } = useTranslation();
  const list = useDeliberations();
  return (
    <Page
      title={t('deliberation.title')}
      lead={t('deliberation.lead')}
      crumbs={[{ to: '/governance', label: t('deliberation.governance') }]}
    >
      <QueryState query={list} loading={{ cards: 2 }}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              icon="participation"
              title={t('deliberation.none')}
              text={t('deliberation.noneText')}
            />
          ) : (
            <ul className="card-list deliberation-list">
              {data.items.map((d) => (
                <li key={d.id} className="card">
                  <h2 className="card-title">
                    <Link to={`/governance/deliberations/${d.id}`}>{d.title}</Link>{' '}
                    <span className="badge">{t(`deliberation.${d.status}`)}</span>{' '}
                    {d.sample && <span className="badge">{t('deliberation.sample')}</span>}
                  </h2>
                  <p>{deliberationCounts(t, d)}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
