import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';
import { Skeleton } from './Skeleton.tsx';

// Loading and error states of one query, so each page only renders its data. While it loads, grey
// lines hold the place (class "loading": the browser journeys wait for it to go).
export function QueryState<T>({
  query,
  children,
  loading = { lines: 3 },
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** The placeholder's shape: lines of text or cards. */
  loading?: { lines?: number; cards?: number };
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Skeleton className="loading" {...loading} />;
  if (query.isError)
    return <Alert kind="danger">{(query.error as Error).message || t('common.unexpectedError')}</Alert>;
  return <>{children(query.data as T)}</>;
}
