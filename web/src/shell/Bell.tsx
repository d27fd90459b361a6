import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useUnreadCount } from '../api/notify.ts';
import './Bell.css';

// The panel's code and words load when it is first opened, not with every page.
const BellPanel = lazy(() => import('../platform/notify/BellPanel.tsx'));

// The notification bell with its unread count (checked every minute while the page is open). It
// opens a panel of the latest notifications gathered by kind; Escape or a click elsewhere closes it
// and the keyboard returns to the bell.
export function Bell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data?.count ?? 0;
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const location = useLocation();

  // Following a link in the panel closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location is the trigger
  useEffect(() => setOpen(false), [location.key]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="bell-wrap" ref={wrap}>
      {/* The accessible name holds the visible count (WCAG 2.5.3 label in name): hidden words around it. */}
      <button
        type="button"
        className="bell"
        ref={button}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((v) => !v)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {count > 0 ? (
          <>
            <span className="visually-hidden">{t('shell.unreadBefore')} </span>
            <span className="bell-count">{count > 99 ? '99+' : count}</span>
            <span className="visually-hidden"> {t('shell.unreadAfter')}</span>
          </>
        ) : (
          <span className="visually-hidden">{t('shell.notificationsLabel')}</span>
        )}
      </button>
      <section className="bell-panel" id={`${id}-panel`} hidden={!open} aria-labelledby={`${id}-heading`}>
        {open && (
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            <BellPanel headingId={`${id}-heading`} />
          </Suspense>
        )}
      </section>
    </div>
  );
}
