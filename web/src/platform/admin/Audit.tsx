import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, useAuditLog } from '../../api/admin.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';

export default function Audit() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('admin.audit.title')} roles={['admin']}>
      {() => <AuditLog />}
    </RequireSignIn>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [filter, setFilter] = useState('');
  const log = useAuditLog(filter);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(action.trim());
  };
  return (
    <Page title={t('admin.audit.title')} crumbs={useAdminCrumbs()} lead={t('admin.audit.summary')}>
      <form onSubmit={submit} className="form form-inline">
        <TextField
          label={t('admin.audit.action')}
          name="action"
          value={action}
          onChange={(e) => setAction(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('common.filter')}
        </Button>
      </form>
      <QueryState query={log}>
        {(data) => (
          <>
            <Table<AuditEntry>
              caption={t('admin.audit.caption')}
              rows={data.pages.flatMap((p) => p.items)}
              rowKey={(r) => r.id}
              columns={[
                { header: t('admin.at'), rowHeader: true, cell: (r) => formatDateTime(r.at) },
                { header: t('admin.actor'), cell: (r) => r.actor?.displayName ?? t('admin.system') },
                { header: t('admin.audit.action'), cell: (r) => <code>{r.action}</code> },
                {
                  header: t('admin.audit.target'),
                  cell: (r) => [r.targetType, r.targetId].filter(Boolean).join(' ') || '—',
                },
                {
                  header: t('admin.audit.hash'),
                  cell: (r) => <code title={r.hash}>{r.hash.slice(0, 12)}</code>,
                },
              ]}
            />
            {log.hasNextPage && (
              <Button variant="secondary" onClick={() => log.fetchNextPage()}>
                {t('common.more')}
              </Button>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}
