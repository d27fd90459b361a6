import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../ui/Page.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.lead')}>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
