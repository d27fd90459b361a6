import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../ui/Page.tsx';

export const ADMINISTRATION_PAGES = ['staffing', 'budget', 'plan', 'facilities'] as const;

export function AdministrationHome() {
  const { t } = useTranslation();
  return (
    <Page title={t('administration.title')} lead={t('administration.lead')}>
      <ul className="offer-grid">
        {ADMINISTRATION_PAGES.map((p) => (
          <li key={p} className="offer">
            <h2 className="offer-heading">
              <Link to={`/administration/${p}`}>{t(`administration.${p}.title`)}</Link>
            </h2>
            <p>{t(`administration.${p}.summary`)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

export function useAdministrationCrumbs() {
  const { t } = useTranslation();
  return [{ to: '/administration', label: t('administration.title') }];
}
