import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEMO_YEAR, usePlan } from '../api/public.ts';
import { PlanList } from '../modules/administration/PlanList.tsx';
import { Page } from '../ui/Page.tsx';
import { QueryState } from '../ui/QueryState.tsx';

// What the 2019 report promised the platform would offer, each pointing at its area.
const OFFERS = [
  { key: 'youthPolicy', to: '/youth' },
  { key: 'youthSpace', to: '/youth' },
  { key: 'jobs', to: '/youth' },
  { key: 'contest', to: '/youth' },
  { key: 'forum', to: '/governance' },
  { key: 'governance', to: '/governance' },
  { key: 'enterprise', to: '/social-economy' },
] as const;

export function Home() {
  const { t } = useTranslation();
  const plan = usePlan();
  return (
    <Page title={t('home.title')} lead={t('home.lead')} home>
      <section aria-labelledby="offers-title" className="section">
        <h2 id="offers-title">{t('home.offersTitle')}</h2>
        <ul className="offer-grid">
          {OFFERS.map((o) => (
            <li key={o.key} className="offer">
              <h3>
                <Link to={o.to}>{t(`home.offers.${o.key}.title`)}</Link>
              </h3>
              <p>{t(`home.offers.${o.key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="upcoming-title" className="section">
        <h2 id="upcoming-title">{t('home.upcomingTitle', { year: DEMO_YEAR })}</h2>
        <p>{t('home.upcomingLead')}</p>
        <QueryState query={plan}>{(data) => <PlanList items={data.items} />}</QueryState>
      </section>
    </Page>
  );
}
