import { useTranslation } from 'react-i18next';
import { YouthProfileSection } from '../../modules/youth/YouthProfileSection.tsx';
import { Page } from '../../ui/Page.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { CalendarFeedSection } from './CalendarFeedSection.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { DataSection } from './DataSection.tsx';
import { NotificationSettingsSection } from './NotificationSettingsSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { PreferencesSection } from './PreferencesSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { PushSection } from './PushSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';
import './me.css';

const SECTIONS = [
  ['me-profile', 'me.profileTitle'],
  ['me-password', 'me.passwordTitle'],
  ['me-2fa', 'me.twoFactorTitle'],
  ['me-consents', 'me.consentsTitle'],
  ['me-youth', 'youth.profile.title'],
  ['me-prefs', 'me.preferencesTitle'],
  ['me-delivery', 'notify.settings.title'],
  ['me-push', 'notify.push.title'],
  ['me-calendar', 'calendarFeed.title'],
  ['me-data', 'me.dataTitle'],
] as const;

export default function MyPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('me.title')}>
      {(me) => (
        <Page title={t('me.title')} lead={t('me.lead', { name: me.displayName })}>
          <nav aria-label={t('me.sectionsNav')} className="in-page-nav">
            <ul>
              {SECTIONS.map(([id, key]) => (
                <li key={id}>
                  <a href={`#${id}`}>{t(key)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <ProfileSection me={me} />
          <PasswordSection />
          <TwoFactorSection me={me} />
          <ConsentsSection />
          <YouthProfileSection />
          <PreferencesSection />
          <NotificationSettingsSection />
          <PushSection />
          <CalendarFeedSection />
          <DataSection me={me} />
        </Page>
      )}
    </RequireSignIn>
  );
}
