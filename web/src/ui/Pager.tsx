import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { formatNumber } from './format.ts';
import { Icon } from './Icon.tsx';
import './Pager.css';

// Paging over the platform's keyset lists (`{ items, nextCursor }`, platform/paging): a cursor only
// leads forward, so "more" appends the next page, and prev/next keeps the cursors it came through.
// Both say how many items are shown in a polite live region, so pressing a button is heard.

/**
 * "더 보기" under a list that grows (TanStack `useInfiniteQuery`: `hasNextPage`, `fetchNextPage`,
 * `isFetchingNextPage`). Moving focus to the first new item stays with the list, which knows it.
 */
export function MorePager({
  shown,
  total,
  hasMore,
  loading = false,
  onMore,
}: {
  shown: number;
  /** The whole count, when the list knows it. */
  total?: number;
  hasMore: boolean;
  loading?: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const count = formatNumber(shown);
  const status =
    total !== undefined
      ? t('ui.pager.showingOf', { count, total: formatNumber(total) })
      : hasMore
        ? t('ui.pager.showingMore', { count })
        : t('ui.pager.showing', { count });
  return (
    <div className="pager">
      <p className="pager-status" role="status">
        {status}
      </p>
      {hasMore && (
        <Button variant="secondary" disabled={loading} onClick={onMore}>
          {loading ? t('ui.pager.loadingMore') : t('common.more')}
        </Button>
      )}
    </div>
  );
}

/**
 * The cursors of prev/next paging: `cursor` to send for the current page, `next(nextCursor)` to go
 * forward, `previous()` to go back, `reset()` when the filters change (page 1 again).
 */
export function useCursorPages() {
  const [trail, setTrail] = useState<(string | undefined)[]>([undefined]);
  const next = useCallback((nextCursor: string) => setTrail((t) => [...t, nextCursor]), []);
  const previous = useCallback(() => setTrail((t) => (t.length > 1 ? t.slice(0, -1) : t)), []);
  const reset = useCallback(() => setTrail([undefined]), []);
  return { cursor: trail[trail.length - 1], page: trail.length, next, previous, reset };
}

/** 이전 / N쪽 / 다음 for a list shown one page at a time (with useCursorPages). */
export function PrevNextPager({
  page,
  shown,
  nextCursor,
  loading = false,
  onPrevious,
  onNext,
}: {
  page: number;
  /** Items on this page. */
  shown: number;
  /** The page's `nextCursor`: null on the last page. */
  nextCursor: string | null | undefined;
  loading?: boolean;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('ui.pager.label')}>
      <p className="pager-status" role="status">
        {t('ui.pager.pageShowing', { page: formatNumber(page), count: formatNumber(shown) })}
      </p>
      <div className="pager-buttons">
        <Button variant="tertiary" disabled={page <= 1 || loading} onClick={onPrevious}>
          <Icon name="previous" />
          {t('ui.pager.previous')}
        </Button>
        <span className="pager-page" aria-hidden="true">
          {t('ui.pager.page', { page: formatNumber(page) })}
        </span>
        <Button
          variant="tertiary"
          disabled={!nextCursor || loading}
          onClick={() => nextCursor && onNext(nextCursor)}
        >
          {t('ui.pager.next')}
          <Icon name="next" />
        </Button>
      </div>
    </nav>
  );
}
