import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { checkBodyOf, useYouthProfile } from '../../api/youth.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { CheckResults } from './CheckResults.tsx';
import './youth.css';

// Policies for me: the self-check asked with the profile saved on my page (the same rules, filters
// and paging), soonest deadline first, closed ones left out unless asked for.
export default function ForMe() {
  const { t } = useTranslation();
  const title = t('youth.forMe.title');
  return (
    <RequireSignIn title={title}>
      {() => (
        <Page title={title} crumbs={[{ to: '/youth', label: t('nav.youth') }]} lead={t('youth.forMe.lead')}>
          <ForMeBody />
        </Page>
      )}
    </RequireSignIn>
  );
}

function ForMeBody() {
  const { t } = useTranslation();
  const profile = useYouthProfile();
  return (
    <QueryState query={profile}>
      {(view) =>
        !view.profile || !view.consent ? (
          <Alert kind="info" title={t('youth.forMe.noProfileTitle')}>
            <p>{t('youth.forMe.noProfileText')}</p>
            <p>
              <Link to="/my#me-youth">{t('youth.forMe.profileLink')}</Link>
            </p>
          </Alert>
        ) : (
          <section aria-labelledby="youth-for-me" className="section">
            <h2 id="youth-for-me">{t('youth.forMe.listTitle')}</h2>
            <CheckResults id="youth-for-me-count" facts={checkBodyOf(view.profile)} scope="youth" />
            <p>
              <Link to="/my#me-youth">{t('youth.forMe.editProfile')}</Link>
            </p>
          </section>
        )
      }
    </QueryState>
  );
}
