import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { type AlertStats, useAlertStats } from '../../../api/youth-staff.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Chart } from '../../../ui/Chart.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { formatNumber, pick } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Table } from '../../../ui/Table.tsx';
import '../youth.css';
import './messages.ts';
import './staff.css';

// Staff: youth alerts sent and opened, totals per channel in words, then a chart of what was sent
// by kind and channel (with its table for screen readers), then the full table with openings.
type Counts = AlertStats['totals'][number];

export default function AlertStatsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('youthStaff.statsTitle')} roles={['staff', 'admin']}>
      {() => <Stats />}
    </RequireSignIn>
  );
}

const rate = (c: Counts) =>
  c.opened === null || c.sent === 0 ? null : Math.round((c.opened / c.sent) * 100);

function Stats() {
  const { t } = useTranslation();
  const [range, setRange] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(range);
  const stats = useAlertStats(range);
  const errors = stats.error instanceof ApiError ? stats.error.fieldErrors() : {};
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setRange(draft);
  };
  const opened = (c: Counts) => {
    if (c.opened === null) return t('youthStaff.stats.notTracked');
    const r = rate(c);
    return r === null ? formatNumber(c.opened) : `${formatNumber(c.opened)} (${r}%)`;
  };
  return (
    <Page
      title={t('youthStaff.statsTitle')}
      crumbs={[
        { to: '/youth', label: t('nav.youth') },
        { to: '/youth/staff/policies', label: t('youthStaff.listTitle') },
      ]}
      lead={t('youthStaff.stats.lead')}
    >
      <form className="form youth-filters" onSubmit={apply} noValidate>
        <div className="youth-filter-row">
          <TextField
            type="date"
            label={t('youthStaff.stats.from')}
            value={draft.from}
            error={errors.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <TextField
            type="date"
            label={t('youthStaff.stats.to')}
            value={draft.to}
            error={errors.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="button-row">
          <Button type="submit">{t('youthStaff.stats.apply')}</Button>
        </div>
      </form>
      <QueryState query={stats}>
        {(data) => {
          const kinds = [...new Map(data.rows.map((r) => [r.kind, r.label])).entries()];
          const sentBy = (kind: string, channel: string) =>
            data.rows.find((r) => r.kind === kind && r.channel === channel)?.sent ?? 0;
          return (
            <>
              <section aria-labelledby="staff-stats-channels" className="section">
                <h2 id="staff-stats-channels">{t('youthStaff.stats.byChannel')}</h2>
                <ul className="staff-bars">
                  {data.totals.map((c) => (
                    <li key={c.channel}>
                      <p className="staff-bar-text">
                        <strong>{t(`youthStaff.channel.${c.channel}`)}</strong>{' '}
                        {t('youthStaff.stats.sentCount', { n: formatNumber(c.sent) })}
                        {' · '}
                        {c.opened === null
                          ? t('youthStaff.stats.notTracked')
                          : t('youthStaff.stats.openedCount', {
                              n: formatNumber(c.opened),
                              rate: rate(c) ?? 0,
                            })}
                      </p>
                    </li>
                  ))}
                </ul>
                <Alert kind="info">{t('youthStaff.stats.emailNote')}</Alert>
                <p className="note">{t('youthStaff.stats.openingNote')}</p>
              </section>
              <section aria-labelledby="staff-stats-kinds" className="section">
                <h2 id="staff-stats-kinds">{t('youthStaff.stats.byKind')}</h2>
                {kinds.length > 0 && (
                  <Chart
                    title={t('youthStaff.stats.chartTitle')}
                    labels={kinds.map(([, label]) => pick(label.ko, label.en))}
                    series={data.totals.map((c) => ({
                      name: t(`youthStaff.channel.${c.channel}`),
                      values: kinds.map(([kind]) => sentBy(kind, c.channel)),
                    }))}
                    format={(n) => t('youthStaff.stats.countUnit', { n: formatNumber(n) })}
                    horizontal
                  />
                )}
                <Table
                  caption={t('youthStaff.stats.caption')}
                  rows={data.rows}
                  rowKey={(r) => `${r.kind}-${r.channel}`}
                  columns={[
                    {
                      header: t('youthStaff.stats.kind'),
                      rowHeader: true,
                      cell: (r) => pick(r.label.ko, r.label.en),
                    },
                    {
                      header: t('youthStaff.stats.channel'),
                      cell: (r) => t(`youthStaff.channel.${r.channel}`),
                    },
                    { header: t('youthStaff.stats.sent'), numeric: true, cell: (r) => formatNumber(r.sent) },
                    { header: t('youthStaff.stats.opened'), numeric: true, cell: opened },
                  ]}
                  footer={data.totals.map((c) => (
                    <tr key={c.channel}>
                      <th scope="row">{t('youthStaff.stats.total')}</th>
                      <td>{t(`youthStaff.channel.${c.channel}`)}</td>
                      <td className="num">{formatNumber(c.sent)}</td>
                      <td className="num">{opened(c)}</td>
                    </tr>
                  ))}
                />
              </section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
