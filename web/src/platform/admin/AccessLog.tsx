import { useTranslation } from 'react-i18next';
import { type AccessLogEntry, useAccessLog } from '../../api/admin.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';

// 개인정보 접속기록: who read whose personal data, when, from where, what and why.
export default function AccessLog() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('admin.access-log.title')} roles={['admin']}>
      {() => <AccessLogTable />}
    </RequireSignIn>
  );
}

function AccessLogTable() {
  const { t } = useTranslation();
  const log = useAccessLog();
  return (
    <Page title={t('admin.access-log.title')} crumbs={useAdminCrumbs()} lead={t('admin.access-log.summary')}>
      <QueryState query={log}>
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items);
          return rows.length === 0 ? (
            <p>{t('common.empty')}</p>
          ) : (
            <>
              <Table<AccessLogEntry>
                caption={t('admin.access-log.caption')}
                rows={rows}
                rowKey={(r) => r.id}
                columns={[
                  { header: t('admin.at'), rowHeader: true, cell: (r) => formatDateTime(r.at) },
                  { header: t('admin.actor'), cell: (r) => r.actor.displayName },
                  { header: t('admin.access-log.subject'), cell: (r) => r.subject.displayName },
                  { header: t('admin.access-log.fields'), cell: (r) => r.fields.join(', ') },
                  { header: t('admin.access-log.reason'), cell: (r) => r.reason },
                  {
                    header: t('admin.access-log.from'),
                    cell: (r) => [r.ip, r.route].filter(Boolean).join(' · '),
                  },
                ]}
              />
              {log.hasNextPage && (
                <Button variant="secondary" onClick={() => log.fetchNextPage()}>
                  {t('common.more')}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
