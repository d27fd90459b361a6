import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="footer-org">{t('common.organization')}</p>
        <ul className="footer-links">
          <li>
            <Link to="/privacy" className="footer-privacy">
              {t('shell.privacy')}
            </Link>
          </li>
          <li>
            <a href="/api/docs">{t('shell.apiDocs')}</a>
          </li>
        </ul>
        <p>{t('shell.footerNote')}</p>
      </div>
    </footer>
  );
}
