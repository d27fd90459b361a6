import { useTranslation } from 'react-i18next';
import { type AccessLogEntry, useAccessLog } from '../../api/admin.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';
import './log-messages.ts';

// 개인정보 접속기록: who read whose personal data, when, from where, what and why — in words.
export default function AccessLog() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('admin.access-log.title')} roles={['admin']}>
      {() => <AccessLogTable />}
    </RequireSignIn>
  );
}

function AccessLogTable() {
  const { t, i18n } = useTranslation();
  const log = useAccessLog(i18n.language);
  return (
    <Page title={t('admin.access-log.title')} crumbs={useAdminCrumbs()} lead={t('admin.access-log.summary')}>
      <QueryState query={log}>
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items);
          return rows.length === 0 ? (
            <EmptyState title={t('adminLogs.emptyAccessTitle')} text={t('adminLogs.emptyAccessText')} />
          ) : (
            <>
              <Table<AccessLogEntry>
                caption={t('admin.access-log.caption')}
                rows={rows}
                rowKey={(r) => r.id}
                columns={[
                  { header: t('admin.at'), rowHeader: true, cell: (r) => formatDateTime(r.at) },
                  { header: t('admin.actor'), cell: (r) => r.actorLabel },
                  { header: t('admin.access-log.subject'), cell: (r) => r.subjectLabel },
                  { header: t('admin.access-log.fields'), cell: (r) => r.fieldLabels.join(', ') },
                  { header: t('admin.access-log.reason'), cell: (r) => r.reasonLabel },
                  {
                    header: t('admin.access-log.from'),
                    cell: (r) => (r.ip ? t('adminLogs.ip', { ip: r.ip }) : '—'),
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
