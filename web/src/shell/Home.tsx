import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { DEMO_YEAR, usePlan } from '../api/public.ts';
import { hasRole, useMe } from '../api/session.ts';
import { PlanList } from '../modules/administration/PlanList.tsx';
import heroArt from '../ui/art/hero.svg';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { Page } from '../ui/Page.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { type FeatureCard, FeatureCards } from './FeatureCards.tsx';
import './home.css';

// What someone can do today, first: the youth service's main doors.
const TODAY: { key: string; to: string; icon: IconName }[] = [
  { key: 'find', to: '/youth/policies', icon: 'search' },
  { key: 'check', to: '/youth/check', icon: 'check' },
  { key: 'ask', to: '/youth/policies', icon: 'question' },
  { key: 'suggest', to: '/youth/suggestions', icon: 'youth' },
];

// What the 2019 report promised the platform would offer: a link where it is open, "준비 중" where not.
const OFFERS = [
  ['youthPolicy', 'youthPolicies'],
  ['youthSpace', 'spaceBooking'],
  ['jobs', 'jobPrograms'],
  ['contest', 'projectContest'],
  ['forum', 'forum'],
  ['governance', 'governanceProjects'],
  ['enterprise', 'enterprises'],
] as const;

export function Home() {
  const { t } = useTranslation();
  const me = useMe();
  const plan = usePlan();
  // A kiosk's tablet account (role 'kiosk' only) has nothing here: it goes to its kiosk's places.
  if (me.data && hasRole(me.data, 'kiosk') && !hasRole(me.data, 'staff', 'admin'))
    return <Navigate to="/booking/kiosk" replace />;
  const offers: FeatureCard[] = OFFERS.map(([key, feature]) => ({
    feature,
    title: t(`home.offers.${key}.title`),
    text: t(`home.offers.${key}.text`),
  }));
  return (
    <Page
      title={t('home.title')}
      lead={t('home.lead')}
      home
      hero={
        <>
          <section aria-labelledby="today-title" className="today">
            <h2 id="today-title" className="today-title">
              {t('home.todayTitle')}
            </h2>
            <ul className="today-actions">
              {TODAY.map((a) => (
                <li key={a.key}>
                  <Link to={a.to} className="today-action">
                    <Icon name={a.icon} size="large" />
                    <span className="today-action-title">{t(`home.today.${a.key}.title`)}</span>
                    <span className="today-action-text">{t(`home.today.${a.key}.text`)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <img className="hero-art" src={heroArt} alt="" width={320} height={200} loading="lazy" />
        </>
      }
    >
      <section aria-labelledby="offers-title" className="section">
        <h2 id="offers-title">{t('home.offersTitle')}</h2>
        <FeatureCards cards={offers} />
      </section>
      <section aria-labelledby="upcoming-title" className="section">
        <h2 id="upcoming-title">{t('home.upcomingTitle', { year: DEMO_YEAR })}</h2>
        <p>{t('home.upcomingLead')}</p>
        <QueryState query={plan}>{(data) => <PlanList items={data.items} />}</QueryState>
      </section>
    </Page>
  );
}
