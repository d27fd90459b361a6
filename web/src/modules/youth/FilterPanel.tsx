import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './messages.ts';
import './youth.css';

/**
 * Filters that fold away on a phone: one button (with how many options are set) opens them, so the
 * results start on the first screen; on wider screens they are always shown and the button is not.
 */
export function FilterPanel({ id, active, children }: { id: string; active: number; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className={`youth-filter-panel${open ? ' is-open' : ''}`}>
      <button
        type="button"
        className="btn btn-tertiary youth-filter-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? t('youthPages.filters.hide') : t('youthPages.filters.show')}
        <span className="youth-filter-active">
          {active > 0
            ? t('youthPages.filters.summary', { count: active })
            : t('youthPages.filters.summaryNone')}
        </span>
      </button>
      <div id={id} className="youth-filter-body">
        {children}
      </div>
    </div>
  );
}
