import { useTranslation } from 'react-i18next';
import './Skeleton.css';

/**
 * Grey placeholders in the shape of what is loading (lines of text, or cards), so the page does not
 * jump when it arrives. Screen readers hear one "loading" message; the shapes are hidden from them.
 */
export function Skeleton({
  lines = 3,
  cards = 0,
  label,
  className,
}: {
  /** Lines of text (ignored when `cards` is set). */
  lines?: number;
  /** Card-shaped blocks, as in a card list. */
  cards?: number;
  label?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={['skeleton', className].filter(Boolean).join(' ')} role="status">
      <span className="visually-hidden">{label ?? t('ui.skeleton')}</span>
      {cards > 0 ? (
        <ul className="skeleton-cards" aria-hidden="true">
          {Array.from({ length: cards }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <li key={i} className="skeleton-card">
              <span className="skeleton-line skeleton-title" />
              <span className="skeleton-line" />
              <span className="skeleton-line skeleton-short" />
            </li>
          ))}
        </ul>
      ) : (
        <div aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              key={i}
              className={`skeleton-line${i === lines - 1 && lines > 1 ? ' skeleton-short' : ''}`}
            />
          ))}
        </div>
      )}
    </div>
  );
}
