import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { usePublicOrganization } from '../api/public.ts';
import { hasRole, useMe } from '../api/session.ts';
import { useSignOut } from '../platform/auth/sign-out.ts';
import { pick } from '../ui/format.ts';
import { Bell } from './Bell.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
// The search form wears the shared field and button styles: they come with the shell, not with the
// first page that uses them (the header grew, shifting the page, when that page's CSS arrived).
import '../ui/Button.css';
import '../ui/Field.css';

export const SECTIONS = [
  { to: '/youth', key: 'nav.youth' },
  { to: '/governance', key: 'nav.governance' },
  { to: '/social-economy', key: 'nav.socialEconomy' },
  { to: '/administration', key: 'nav.administration' },
] as const;

export function Header() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const publicOrganization = usePublicOrganization();
  const organization = me.data
    ? pick(me.data.organization.nameKo, me.data.organization.nameEn)
    : publicOrganization.data
      ? pick(publicOrganization.data.name.ko, publicOrganization.data.name.en)
      : t('common.organization');

  const search = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  const logout = useSignOut('/');

  return (
    <header className="site-header">
      <div className="masthead">
        <div className="container">{t('shell.masthead')}</div>
      </div>
      <div className="container header-top">
        <Link to="/" className="brand">
          <img src="/icons/icon-192.png" alt="" width="40" height="40" />
          <span>
            <span className="brand-name">{t('common.appName')}</span>
            <span className="brand-org">{organization}</span>
          </span>
        </Link>
        <LanguageSwitch />
        <div className="header-utility">
          {me.data ? (
            <>
              <Bell />
              <Link to="/my" className="utility-link">
                {t('shell.myPage')}
              </Link>
              {hasRole(me.data, 'admin', 'staff') && (
                // The staff home lists their queues and, one click further, the admin pages.
                <Link to="/staff" className="utility-link">
                  {t('shell.staffHome')}
                </Link>
              )}
              <button
                type="button"
                className="utility-link"
                onClick={() => logout.mutate()}
                disabled={logout.isPending}
              >
                {t('shell.logout')}
              </button>
            </>
          ) : (
            <>
              <Link to="/login" className="utility-link">
                {t('shell.login')}
              </Link>
              <Link to="/signup" className="utility-link">
                {t('shell.signup')}
              </Link>
            </>
          )}
        </div>
      </div>
      <div className="container">
        <search className="header-search">
          <form onSubmit={search}>
            <label htmlFor="site-search" className="visually-hidden">
              {t('shell.searchLabel')}
            </label>
            <input
              id="site-search"
              type="search"
              className="input"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t('shell.searchPlaceholder')}
            />
            <button type="submit" className="btn btn-secondary">
              {t('shell.searchButton')}
            </button>
          </form>
        </search>
      </div>
      <nav aria-label={t('shell.mainNav')} className="main-nav">
        <ul className="container">
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{t(s.key)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
