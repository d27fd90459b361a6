import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AreaPage } from '../../shell/AreaPage.tsx';
import { StaffLinks } from './staff/StaffLinks.tsx';

const PAGES = [
  ['policies', '/youth/policies'],
  ['check', '/youth/check'],
  ['forMe', '/youth/for-me'],
  ['suggestions', '/youth/suggestions'],
  ['questions', '/youth/questions/mine'],
] as const;

export function Youth() {
  const { t } = useTranslation();
  return (
    <AreaPage area="youth" i18nKey="youth" offers={['policy', 'space', 'jobs', 'contest']}>
      <section aria-labelledby="youth-pages" className="section">
        <h2 id="youth-pages">{t('youth.pagesTitle')}</h2>
        <ul className="card-list">
          {PAGES.map(([key, to]) => (
            <li key={key} className="card">
              <h3 className="card-title">
                <Link to={to}>{t(`youth.pages.${key}.title`)}</Link>
              </h3>
              <p>{t(`youth.pages.${key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <StaffLinks />
    </AreaPage>
  );
}
