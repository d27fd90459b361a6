import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../../ui/Icon.tsx';
import './messages.ts';

// The 협치 page's way to the participatory processes (proposals by phase), above its other services.
export function ProcessesLink() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="area-processes" className="section">
      <ul className="offer-grid feature-cards">
        <li className="offer feature-card">
          <span className="feature-icon">
            <Icon name="participation" size="large" />
          </span>
          <div className="feature-body">
            <h2 id="area-processes" className="offer-heading">
              <Link to="/governance/processes" className="feature-link">
                {t('process.title')}
              </Link>
            </h2>
            <p>{t('process.linkText')}</p>
          </div>
        </li>
      </ul>
    </section>
  );
}
