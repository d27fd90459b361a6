import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AreaPage } from '../../shell/AreaPage.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { POLICY_FIELDS } from './codes.ts';
import { StaffLinks } from './staff/StaffLinks.tsx';
import './youth-home.css';

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
    <AreaPage
      area="youth"
      i18nKey="youth"
      offers={[
        ['policy', 'youthPolicies'],
        ['space', 'spaceBooking'],
        ['jobs', 'jobPrograms'],
        ['contest', 'projectContest'],
      ]}
      places={['zero-gravity-zone', 'youth-architecture-school']}
      first={
        <section aria-labelledby="youth-fields" className="section">
          <h2 id="youth-fields">{t('youth.fieldsTitle')}</h2>
          <p className="note">{t('youth.fieldsLead')}</p>
          <ul className="field-tiles">
            {POLICY_FIELDS.map((field) => (
              <li key={field}>
                <Link to={`/youth/policies?field=${field}`} className={`field-tile field-tile-${field}`}>
                  <span className="field-tile-icon">
                    <Icon name={field} size="large" />
                  </span>
                  <span className="field-tile-name">{t(`youth.codes.field.${field}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      }
    >
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
