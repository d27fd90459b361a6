import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './ResponsiveTable.css';

/**
 * The frame for a wide table: it scrolls sideways inside a labelled region that the keyboard can
 * reach (arrow keys scroll it), and while the table is wider than the screen a visible hint says so
 * and shadows mark the hidden side. Wrap any <table> in it; `Table` can use it as its wrapper.
 */
export function ResponsiveTable({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const region = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = region.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="responsive-table">
      {overflows && (
        <p id={hintId} className="responsive-table-hint">
          <span aria-hidden="true">↔ </span>
          {t('ui.table.scrollHint')}
        </p>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a div region, so it may take focus (a scrollable region must be reachable by keyboard) */}
      <div
        ref={region}
        className={`responsive-table-scroll${overflows ? ' is-overflowing' : ''}`}
        role="region"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        aria-label={overflows ? t('ui.table.scrollRegion', { caption: label }) : label}
        aria-describedby={overflows ? hintId : undefined}
      >
        {children}
      </div>
    </div>
  );
}
