import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { WORKFLOW_STATUSES } from '../../../../../contracts/youth-policies.ts';
import { type StaffPolicyItem, useStaffPolicies } from '../../../api/youth-staff.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Table } from '../../../ui/Table.tsx';
import '../youth.css';
import './messages.ts';
import './staff.css';

// Staff: every policy of the organization in any state, with links to write, import and the statistics.
export default function StaffPoliciesPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('youthStaff.listTitle')} roles={['staff', 'admin']}>
      {() => <StaffPolicies />}
    </RequireSignIn>
  );
}

export function WorkflowBadge({ status }: { status: StaffPolicyItem['workflowStatus'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge staff-workflow staff-workflow-${status}`}>
      {t(`youthStaff.workflow.${status}`)}
    </span>
  );
}

function StaffPolicies() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState({ status, q });
  const list = useStaffPolicies({ status, q, page });
  const go = (next: Record<string, string>) => {
    const merged = new URLSearchParams({ status, q, page: String(page), ...next });
    for (const [k, v] of [...merged]) if (!v || (k === 'page' && v === '1')) merged.delete(k);
    setParams(merged);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, page: '1' });
  };
  return (
    <Page
      title={t('youthStaff.listTitle')}
      crumbs={[{ to: '/youth', label: t('nav.youth') }]}
      lead={t('youthStaff.listLead')}
    >
      <nav aria-label={t('youthStaff.staffNav')}>
        <ul className="staff-actions">
          <li>
            <Link className="btn btn-primary" to="/youth/staff/policies/new">
              {t('youthStaff.newTitle')}
            </Link>
          </li>
          <li>
            <Link className="btn btn-secondary" to="/youth/staff/import">
              {t('youthStaff.importTitle')}
            </Link>
          </li>
          <li>
            <Link className="btn btn-secondary" to="/youth/staff/alerts">
              {t('youthStaff.statsTitle')}
            </Link>
          </li>
        </ul>
      </nav>
      <search>
        <form className="form youth-filters" onSubmit={search}>
          <div className="youth-filter-row">
            <SelectField
              label={t('youthStaff.filterStatus')}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value })}
            >
              <option value="">{t('youthStaff.allStatuses')}</option>
              {WORKFLOW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`youthStaff.workflow.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('youthStaff.filterTitle')}
              type="search"
              value={draft.q}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="button-row">
            <Button type="submit">{t('youthStaff.filterApply')}</Button>
          </div>
        </form>
      </search>
      <QueryState query={list}>
        {(data) => {
          const first = (data.page - 1) * data.limit + 1;
          const last = first + data.items.length - 1;
          const pages = Math.max(1, Math.ceil(data.total / data.limit));
          return (
            <>
              <p className="youth-count" role="status">
                {data.total === 0
                  ? t('youthStaff.none')
                  : t('youthStaff.count', {
                      total: formatNumber(data.total),
                      first: formatNumber(first),
                      last: formatNumber(last),
                    })}
              </p>
              {data.items.length > 0 && (
                <Table
                  caption={t('youthStaff.listCaption')}
                  rows={data.items}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      header: t('youthStaff.field.title'),
                      rowHeader: true,
                      cell: (r) => <Link to={`/youth/staff/policies/${r.id}`}>{r.title}</Link>,
                    },
                    {
                      header: t('youthStaff.col.status'),
                      cell: (r) => <WorkflowBadge status={r.workflowStatus} />,
                    },
                    { header: t('youthStaff.col.source'), cell: (r) => t(`youthStaff.source.${r.source}`) },
                    { header: t('youthStaff.field.fieldMajor'), cell: (r) => r.fieldMajor },
                    {
                      header: t('youthStaff.col.updated'),
                      cell: (r) => <time dateTime={r.updatedAt}>{formatDateTime(r.updatedAt)}</time>,
                    },
                  ]}
                />
              )}
              {pages > 1 && (
                <nav aria-label={t('youthStaff.pagesNav')} className="button-row">
                  <Button
                    variant="secondary"
                    disabled={page <= 1}
                    onClick={() => go({ page: String(page - 1) })}
                  >
                    {t('youthStaff.prev')}
                  </Button>
                  <span className="staff-page">{t('youthStaff.pageOf', { page, pages })}</span>
                  <Button
                    variant="secondary"
                    disabled={page >= pages}
                    onClick={() => go({ page: String(page + 1) })}
                  >
                    {t('youthStaff.next')}
                  </Button>
                </nav>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
