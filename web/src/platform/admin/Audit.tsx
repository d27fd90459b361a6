import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AuditEntry, useAuditActions, useAuditLog } from '../../api/admin.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';
import './log-messages.ts';

export default function Audit() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('admin.audit.title')} roles={['admin']}>
      {() => <AuditLog />}
    </RequireSignIn>
  );
}

// Entries in words: who (name and role, 삭제된 계정 or 시스템), what (the action's name and its detail)
// and on what (a member, the organization, a record's title) — the server names them in the reader's
// language; codes, ids and hashes stay in the API.
function AuditLog() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [filter, setFilter] = useState('');
  const log = useAuditLog(filter, i18n.language);
  const actions = useAuditActions(i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(action);
  };
  return (
    <Page title={t('admin.audit.title')} crumbs={useAdminCrumbs()} lead={t('admin.audit.summary')}>
      <form onSubmit={submit} className="form form-inline">
        <SelectField
          label={t('admin.audit.action')}
          name="action"
          value={action}
          onChange={(e) => setAction(e.target.value)}
        >
          <option value="">{t('adminLogs.allActions')}</option>
          {(actions.data?.items ?? []).map((a) => (
            <option key={a.code} value={a.code}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('common.filter')}
        </Button>
      </form>
      <QueryState query={log}>
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items);
          if (rows.length === 0)
            return filter ? (
              <EmptyState title={t('adminLogs.emptyFilteredTitle')} text={t('adminLogs.emptyFilteredText')} />
            ) : (
              <EmptyState title={t('adminLogs.emptyAuditTitle')} text={t('adminLogs.emptyAuditText')} />
            );
          return (
            <>
              <Table<AuditEntry>
                caption={t('admin.audit.caption')}
                rows={rows}
                rowKey={(r) => r.id}
                columns={[
                  { header: t('admin.at'), rowHeader: true, cell: (r) => formatDateTime(r.at) },
                  { header: t('admin.actor'), cell: (r) => r.actorLabel },
                  {
                    header: t('admin.audit.action'),
                    cell: (r) => (r.detail ? `${r.actionLabel} (${r.detail})` : r.actionLabel),
                  },
                  {
                    header: t('admin.audit.target'),
                    cell: (r) =>
                      r.targetUrl ? <Link to={r.targetUrl}>{r.targetLabel}</Link> : r.targetLabel,
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
