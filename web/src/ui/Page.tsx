import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './Page.css';
import './content.css';

export interface Crumb {
  to?: string;
  label: string;
}

let firstPage = true;

// Every page: breadcrumbs, one h1, and the document title. After client navigation focus moves to the
// h1 so screen-reader users hear where they arrived.
export function Page({
  title,
  crumbs = [],
  lead,
  children,
  home = false,
  hero,
}: {
  title: string;
  crumbs?: Crumb[];
  lead?: ReactNode;
  children?: ReactNode;
  home?: boolean;
  /** A banner around the title and lead (the home's): what follows them inside it. */
  hero?: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = home ? `${t('common.appName')} | ${title}` : `${title} | ${t('common.appName')}`;
  }, [title, t, home]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  const trail: Crumb[] = [{ to: '/', label: t('nav.home') }, ...crumbs, { label: title }];
  return (
    <>
      {!home && (
        <nav aria-label={t('shell.breadcrumbs')} className="breadcrumbs">
          <ol>
            {trail.map((c, i) => (
              <li key={c.to ?? 'current'}>
                {c.to && i < trail.length - 1 ? (
                  <Link to={c.to}>{c.label}</Link>
                ) : (
                  <span aria-current="page">{c.label}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {hero ? (
        <div className="page-hero">
          <h1 ref={heading} tabIndex={-1} className="page-title">
            {title}
          </h1>
          {lead && <p className="page-lead">{lead}</p>}
          {hero}
        </div>
      ) : (
        <>
          <h1 ref={heading} tabIndex={-1} className="page-title">
            {title}
          </h1>
          {lead && <p className="page-lead">{lead}</p>}
        </>
      )}
      {children}
    </>
  );
}
