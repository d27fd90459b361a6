import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingStats } from '../../../../contracts/booking-stats.ts';
import { ApiError, api } from '../../api/client.ts';
import { addMessages } from '../../i18n/bundle.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../ui/Button.tsx';
import { Chart } from '../../ui/Chart.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { dayLabel, shiftDate, todayInSeoul } from './format.ts';
import './booking.css';
import './messages.ts';
import './StaffStats.css';

// Staff: how the rooms are used over a range of days. Occupancy per resource, by hour of day for
// one chosen resource, and the no-show rate; each chart carries its table for screen readers, and
// a table of the figures follows. Counts only: no person shows here.

const ko = {
  lead: '기간을 골라 공간별 이용률(운영 시간 중 확정 예약 시간의 비율)과 노쇼 비율을 봅니다. 승인 대기 예약과 이용 불가 설정은 이용 시간에 넣지 않습니다.',
  period: '기간',
  month: '이번 달',
  fourWeeks: '최근 4주',
  custom: '직접 고르기',
  from: '시작일',
  to: '종료일',
  apply: '적용',
  showing: '{{from}}부터 {{to}}까지',
  summary: '요약',
  occupancyAll: '전체 이용률',
  noShowAll: '전체 노쇼 비율',
  noShowOf: '끝난 확정 예약 {{ended}}건 중 {{count}}건',
  none: '없음',
  byResource: '공간별 이용률',
  chartResources: '공간별 이용률(%)',
  byHour: '시간대별 이용률',
  resource: '공간',
  chartHours: '{{name}} 시간대별 이용률(%)',
  hour: '{{hour}}시',
  noHours: '이 기간에 운영한 시간이 없습니다.',
  noShows: '노쇼',
  chartNoShows: '공간별 노쇼 비율(%)',
  occupancy: '이용률',
  figures: '공간별 수치',
  openHours: '운영 시간',
  bookedHours: '이용 시간',
  bookings: '예약',
  cancellations: '취소',
  noShowCount: '노쇼',
  ended: '끝난 확정 예약',
  noShowRate: '노쇼 비율',
  hours: '{{n}}시간',
  percent: '{{n}}%',
  count: '{{n}}건',
  empty: '예약할 수 있는 공간이 아직 없습니다.',
  emptyText: '공간이 등록되면 이곳에 이용 통계가 보입니다.',
  noShowNote: '노쇼 비율은 끝난 확정 예약 가운데 입실하지 않아 노쇼로 처리된 예약의 비율입니다.',
};
const en: typeof ko = {
  lead: 'Choose a range to see each space’s occupancy (the share of its open hours held by confirmed bookings) and its no-show rate. Bookings awaiting approval and blocked periods do not count as use.',
  period: 'Range',
  month: 'This month',
  fourWeeks: 'Last 4 weeks',
  custom: 'Choose dates',
  from: 'First day',
  to: 'Last day',
  apply: 'Apply',
  showing: '{{from}} to {{to}}',
  summary: 'Summary',
  occupancyAll: 'Occupancy, all spaces',
  noShowAll: 'No-show rate, all spaces',
  noShowOf: '{{count}} of {{ended}} ended confirmed bookings',
  none: 'None',
  byResource: 'Occupancy by space',
  chartResources: 'Occupancy by space (%)',
  byHour: 'Occupancy by hour of day',
  resource: 'Space',
  chartHours: '{{name}}: occupancy by hour (%)',
  hour: '{{hour}}:00',
  noHours: 'It was not open in this range.',
  noShows: 'No-shows',
  chartNoShows: 'No-show rate by space (%)',
  occupancy: 'Occupancy',
  figures: 'Figures by space',
  openHours: 'Open',
  bookedHours: 'Used',
  bookings: 'Bookings',
  cancellations: 'Cancelled',
  noShowCount: 'No-shows',
  ended: 'Ended confirmed',
  noShowRate: 'No-show rate',
  hours: '{{n}} h',
  percent: '{{n}}%',
  count: '{{n}}',
  empty: 'There are no spaces to book yet.',
  emptyText: 'Usage figures show here once spaces are added.',
  noShowNote:
    'The no-show rate is the share of ended confirmed bookings that were marked no-show because nobody checked in.',
};
addMessages('bookingStats', ko, en);

type Preset = 'fourWeeks' | 'month' | 'custom';
interface Range {
  from: string;
  to: string;
}

function presetRange(preset: Preset): Range | null {
  const today = todayInSeoul();
  if (preset === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  if (preset === 'fourWeeks') return { from: shiftDate(today, -27), to: today };
  return null;
}

function useBookingStats(range: Range) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['booking', 'staff', 'stats', range.from, range.to, i18n.language],
    queryFn: () =>
      api<BookingStats>(
        `/api/v1/booking/staff/stats?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`,
      ),
    retry: (count, e) => !(e instanceof ApiError && e.status === 400) && count < 2,
  });
}

export default function StaffStatsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('booking.statsTitle')} roles={['staff', 'admin']}>
      {() => <StaffStats />}
    </RequireSignIn>
  );
}

function StaffStats() {
  const { t, i18n } = useTranslation();
  const [preset, setPreset] = useState<Preset>('fourWeeks');
  const [range, setRange] = useState<Range>(() => presetRange('fourWeeks') as Range);
  const [draft, setDraft] = useState<Range>(range);
  const [resourceId, setResourceId] = useState('');
  const stats = useBookingStats(range);
  const errors = stats.error instanceof ApiError ? stats.error.fieldErrors() : {};
  const pct = (n: number | null) => (n === null ? t('bookingStats.none') : t('bookingStats.percent', { n }));
  const choose = (next: Preset) => {
    setPreset(next);
    const r = presetRange(next);
    if (r) {
      setRange(r);
      setDraft(r);
    }
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setRange(draft);
  };
  return (
    <Page
      title={t('booking.statsTitle')}
      crumbs={[
        { to: '/staff', label: t('shell.staffHome') },
        { to: '/booking/staff', label: t('booking.staff') },
      ]}
      lead={t('bookingStats.lead')}
    >
      <form className="form booking-stats-range" onSubmit={apply} noValidate>
        <SelectField
          label={t('bookingStats.period')}
          value={preset}
          onChange={(e) => choose(e.target.value as Preset)}
        >
          <option value="fourWeeks">{t('bookingStats.fourWeeks')}</option>
          <option value="month">{t('bookingStats.month')}</option>
          <option value="custom">{t('bookingStats.custom')}</option>
        </SelectField>
        {preset === 'custom' && (
          <>
            <div className="booking-stats-dates">
              <TextField
                type="date"
                label={t('bookingStats.from')}
                value={draft.from}
                error={errors.from}
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              />
              <TextField
                type="date"
                label={t('bookingStats.to')}
                value={draft.to}
                error={errors.to}
                onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              />
            </div>
            <div className="button-row">
              <Button type="submit">{t('bookingStats.apply')}</Button>
            </div>
          </>
        )}
      </form>
      <QueryState query={stats}>
        {(data) => {
          if (data.resources.length === 0)
            return (
              <EmptyState
                title={t('bookingStats.empty')}
                text={t('bookingStats.emptyText')}
                headingLevel={2}
              />
            );
          const chosen = data.resources.find((r) => r.id === resourceId) ?? data.resources[0];
          const label = (r: (typeof data.resources)[number]) => `${r.name} · ${r.placeName}`;
          const openHours = chosen.byHour.filter((h) => h.openHours > 0);
          return (
            <>
              <p className="booking-stats-showing">
                {t('bookingStats.showing', {
                  from: dayLabel(data.from, i18n.language),
                  to: dayLabel(data.to, i18n.language),
                })}
              </p>
              <section aria-labelledby="booking-stats-summary" className="section">
                <h2 id="booking-stats-summary">{t('bookingStats.summary')}</h2>
                <dl className="booking-stats-summary">
                  <div>
                    <dt>{t('bookingStats.occupancyAll')}</dt>
                    <dd>
                      {pct(data.totals.occupancy)}{' '}
                      <span className="note">
                        ({t('bookingStats.hours', { n: formatNumber(data.totals.bookedHours) })} /{' '}
                        {t('bookingStats.hours', { n: formatNumber(data.totals.openHours) })})
                      </span>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('bookingStats.noShowAll')}</dt>
                    <dd>
                      {pct(data.totals.noShowRate)}{' '}
                      <span className="note">
                        (
                        {t('bookingStats.noShowOf', {
                          count: formatNumber(data.totals.noShows),
                          ended: formatNumber(data.totals.endedConfirmed),
                        })}
                        )
                      </span>
                    </dd>
                  </div>
                </dl>
              </section>
              <section aria-labelledby="booking-stats-resources" className="section">
                <h2 id="booking-stats-resources">{t('bookingStats.byResource')}</h2>
                <Chart
                  title={t('bookingStats.chartResources')}
                  labels={data.resources.map(label)}
                  series={[
                    {
                      name: t('bookingStats.occupancy'),
                      values: data.resources.map((r) => r.occupancy ?? 0),
                    },
                  ]}
                  format={(n) => t('bookingStats.percent', { n })}
                  axisFormat={(n) => `${n}%`}
                  horizontal
                />
              </section>
              <section aria-labelledby="booking-stats-hours" className="section">
                <h2 id="booking-stats-hours">{t('bookingStats.byHour')}</h2>
                <SelectField
                  label={t('bookingStats.resource')}
                  value={chosen.id}
                  onChange={(e) => setResourceId(e.target.value)}
                >
                  {data.resources.map((r) => (
                    <option key={r.id} value={r.id}>
                      {label(r)}
                    </option>
                  ))}
                </SelectField>
                {openHours.length === 0 ? (
                  <p>{t('bookingStats.noHours')}</p>
                ) : (
                  <Chart
                    title={t('bookingStats.chartHours', { name: chosen.name })}
                    labels={openHours.map((h) => t('bookingStats.hour', { hour: h.hour }))}
                    series={[
                      { name: t('bookingStats.occupancy'), values: openHours.map((h) => h.occupancy ?? 0) },
                    ]}
                    format={(n) => t('bookingStats.percent', { n })}
                    axisFormat={(n) => `${n}%`}
                  />
                )}
              </section>
              <section aria-labelledby="booking-stats-noshows" className="section">
                <h2 id="booking-stats-noshows">{t('bookingStats.noShows')}</h2>
                <Chart
                  title={t('bookingStats.chartNoShows')}
                  labels={data.resources.map(label)}
                  series={[
                    {
                      name: t('bookingStats.noShowRate'),
                      values: data.resources.map((r) => r.noShowRate ?? 0),
                    },
                  ]}
                  format={(n) => t('bookingStats.percent', { n })}
                  axisFormat={(n) => `${n}%`}
                  horizontal
                />
                <p className="note">{t('bookingStats.noShowNote')}</p>
              </section>
              <section aria-labelledby="booking-stats-figures" className="section">
                <h2 id="booking-stats-figures">{t('bookingStats.figures')}</h2>
                <Table
                  caption={t('bookingStats.figures')}
                  rows={data.resources}
                  rowKey={(r) => r.id}
                  columns={[
                    { header: t('bookingStats.resource'), rowHeader: true, cell: label },
                    {
                      header: t('bookingStats.openHours'),
                      numeric: true,
                      cell: (r) => t('bookingStats.hours', { n: formatNumber(r.openHours) }),
                    },
                    {
                      header: t('bookingStats.bookedHours'),
                      numeric: true,
                      cell: (r) => t('bookingStats.hours', { n: formatNumber(r.bookedHours) }),
                    },
                    { header: t('bookingStats.occupancy'), numeric: true, cell: (r) => pct(r.occupancy) },
                    {
                      header: t('bookingStats.bookings'),
                      numeric: true,
                      cell: (r) => t('bookingStats.count', { n: formatNumber(r.bookings) }),
                    },
                    {
                      header: t('bookingStats.cancellations'),
                      numeric: true,
                      cell: (r) => t('bookingStats.count', { n: formatNumber(r.cancellations) }),
                    },
                    {
                      header: t('bookingStats.noShowCount'),
                      numeric: true,
                      cell: (r) => t('bookingStats.count', { n: formatNumber(r.noShows) }),
                    },
                    {
                      header: t('bookingStats.ended'),
                      numeric: true,
                      cell: (r) => t('bookingStats.count', { n: formatNumber(r.endedConfirmed) }),
                    },
                    { header: t('bookingStats.noShowRate'), numeric: true, cell: (r) => pct(r.noShowRate) },
                  ]}
                />
              </section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
