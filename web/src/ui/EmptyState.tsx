import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';
import './EmptyState.css';

/**
 * What a page shows when there is nothing to list: an icon, what happened, and what to do next
 * (links or buttons in `actions`), never a bare "no items".
 */
export function EmptyState({
  title,
  text,
  icon = 'empty',
  actions,
  headingLevel = 2,
}: {
  title: string;
  text?: ReactNode;
  icon?: IconName;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <span className="empty-state-icon">
        <Icon name={icon} size="xlarge" />
      </span>
      <H className="empty-state-title">{title}</H>
      {text && <div className="empty-state-text">{text}</div>}
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
