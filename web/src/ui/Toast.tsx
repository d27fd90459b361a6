import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';
import './Toast.css';

export type ToastKind = 'info' | 'success' | 'warning' | 'danger';
interface ToastItem {
  id: number;
  message: string;
  kind: ToastKind;
  /** 0 keeps it until closed. */
  durationMs: number;
}

// One list for the whole page, outside React, so any component can show a toast without a provider;
// <Toaster /> (in the shell's layout) renders it inside a live region that is always present, which
// screen readers need to hear what is added to it.
let toasts: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

export function showToast(
  message: string,
  { kind = 'success', durationMs }: { kind?: ToastKind; durationMs?: number } = {},
): number {
  const id = nextId++;
  // Errors stay until closed: someone reading slowly must not lose them.
  const duration = durationMs ?? (kind === 'danger' ? 0 : 6000);
  toasts = [...toasts.slice(-2), { id, message, kind, durationMs: duration }];
  emit();
  return id;
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Show a short, polite message that leaves by itself (paused while hovered or focused). */
export function useToast() {
  return { show: showToast, dismiss: dismissToast };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function Toaster() {
  const { t } = useTranslation();
  const items = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => toasts,
  );
  return (
    <section className="toaster" aria-label={t('ui.toastRegion')}>
      <div role="status" aria-live="polite" className="toaster-list">
        {items.map((item) => (
          <ToastView key={item.id} item={item} />
        ))}
      </div>
    </section>
  );
}

function ToastView({ item }: { item: ToastItem }) {
  const { t } = useTranslation();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const remaining = useRef(item.durationMs);
  const paused = hovered || focused;
  useEffect(() => {
    if (paused || item.durationMs <= 0) return;
    const started = Date.now();
    const timer = setTimeout(() => dismissToast(item.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [paused, item.id, item.durationMs]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover only pauses the timer; the close button is the control
    <div
      className={`toast toast-${item.kind}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <p className="toast-message">{item.message}</p>
      <button type="button" className="toast-close" onClick={() => dismissToast(item.id)}>
        <Icon name="close" />
        <span className="visually-hidden">{t('ui.close')}</span>
      </button>
    </div>
  );
}
