import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';

// Loading and error states of one query, so each page only renders its data.
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (query.isError)
    return <Alert kind="danger">{(query.error as Error).message || t('common.unexpectedError')}</Alert>;
  return <>{children(query.data as T)}</>;
}
