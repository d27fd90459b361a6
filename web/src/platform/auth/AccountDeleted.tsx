import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';

export function AccountDeleted() {
  const { t } = useTranslation();
  return (
    <Page title={t('me.deletedTitle')}>
      <Alert kind="success">{t('me.deleted')}</Alert>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
