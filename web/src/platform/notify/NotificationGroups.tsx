import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationItem } from '../../api/notify.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { byCategory, type NotificationGroup } from './groups.ts';
import './messages.ts';
import './notify.css';

// Notifications gathered by kind ("정책 알림 3", "답변 1"), each group opening and closing, and a
// grouped alert ("새로 맞는 정책 15건") opening its list. The notifications page shows the groups
// open; the bell's panel shows them closed, as a summary.

interface Props {
  items: readonly NotificationItem[];
  /** Groups start open (the page) or closed (the bell). */
  open: boolean;
  /** The level of the group headings; notification titles sit one below. */
  level: 2 | 3;
  /** A notification was opened (its link followed): mark it read. */
  onOpen: (n: NotificationItem) => void;
  /** Offers "mark read" per unread notification (the page). */
  onMarkRead?: (n: NotificationItem) => void;
  markingId?: string;
}

export function NotificationGroups(props: Props) {
  const groups = byCategory(props.items);
  return (
    <div className="notice-groups">
      {groups.map((g) => (
        <Group key={g.category} group={g} {...props} />
      ))}
    </div>
  );
}

function Group({ group, open, level, ...rest }: Props & { group: NotificationGroup }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(open);
  const id = useId();
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section className="notice-group" aria-labelledby={`${id}-heading`}>
      <H className="notice-group-heading" id={`${id}-heading`}>
        <button
          type="button"
          className="notice-group-toggle"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          onClick={() => setExpanded((v) => !v)}
        >
          <span>{group.category}</span>{' '}
          <span className="badge">
            {group.items.length}
            <span className="visually-hidden">{t('notify.list.countUnit')}</span>
          </span>
          {group.unread > 0 && (
            <span className="notice-group-unread">{t('notify.list.unreadIn', { count: group.unread })}</span>
          )}
        </button>
      </H>
      <ul className="card-list notice-list" id={`${id}-list`} hidden={!expanded}>
        {group.items.map((n) => (
          <Notice key={n.id} n={n} level={level} {...rest} />
        ))}
      </ul>
    </section>
  );
}

function Notice({
  n,
  level,
  onOpen,
  onMarkRead,
  markingId,
}: Omit<Props, 'items' | 'open'> & { n: NotificationItem }) {
  const { t } = useTranslation();
  const H = level === 2 ? 'h3' : 'h4';
  return (
    <li className={`card notice${n.readAt ? '' : ' card-unread'}`}>
      <H className="card-title">
        {!n.readAt && <span className="badge">{t('notifications.new')}</span>}{' '}
        {n.link ? (
          <Link to={n.link} onClick={() => onOpen(n)}>
            {n.title}
          </Link>
        ) : (
          n.title
        )}
      </H>
      <p>{n.body}</p>
      {n.count > 1 && (
        <details className="notice-items">
          <summary>{t('notify.list.showItems', { count: n.count })}</summary>
          <ul>
            {n.items.map((item) => (
              <li key={item.link}>
                <Link to={item.link} onClick={() => onOpen(n)}>
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
          {n.count > n.items.length && n.link && (
            <p>
              <Link to={n.link} onClick={() => onOpen(n)}>
                {t('notify.list.seeAll', { count: n.count })}
              </Link>
            </p>
          )}
        </details>
      )}
      <p className="note">
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
      </p>
      {!n.readAt && onMarkRead && (
        <Button variant="tertiary" onClick={() => onMarkRead(n)} disabled={markingId === n.id}>
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}
