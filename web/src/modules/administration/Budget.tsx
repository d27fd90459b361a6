import { useTranslation } from 'react-i18next';
import type { BudgetView } from '../../../../contracts/administration.ts';
import { DEMO_YEAR, type PlanItem, useBudget, usePlan } from '../../api/public.ts';
import { Chart } from '../../ui/Chart.tsx';
import { formatCompact, formatNumber, formatSigned, pick } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { useAdministrationCrumbs } from './AdministrationHome.tsx';
import './administration.css';

type Row = BudgetView['units'][number];

// Amounts in 천원 like the report, with the exact won amount beneath each one.
function Amount({ thousand, won, signed = false }: { thousand: number; won: number; signed?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {signed ? formatSigned(thousand) : formatNumber(thousand)}
      <span className="amount-won">
        {signed && won > 0 ? '+' : won < 0 ? '−' : ''}
        {t('money.won', { value: formatNumber(Math.abs(won)) })}
      </span>
    </>
  );
}

function cells(f: BudgetView['total']) {
  return [
    <Amount key="a" thousand={f.amountThousandWon} won={f.amountWon} />,
    <Amount key="p" thousand={f.previousAmountThousandWon} won={f.previousAmountWon} />,
    <Amount key="c" thousand={f.changeThousandWon} won={f.changeWon} signed />,
  ];
}

/** Charts in 천원 like the report; the axis reads in won, shortened (1.2억원). */
function useThousandWonFormats() {
  const { t } = useTranslation();
  return {
    format: (v: number) => t('money.thousandWon', { value: formatNumber(v) }),
    axisFormat: (v: number) => t('money.compactWon', { value: formatCompact(v * 1000) }),
  };
}

/** This year's and last year's budget of each unit, side by side. */
function YearOnYearChart({ data }: { data: BudgetView }) {
  const { t } = useTranslation();
  return (
    <Chart
      title={t('administration.budget.chartYears', { year: data.year, previous: data.year - 1 })}
      labels={data.units.map((u) => pick(u.nameKo, u.nameEn))}
      series={[
        {
          name: t('administration.budget.yearLabel', { year: data.year }),
          values: data.units.map((u) => u.amountThousandWon),
        },
        {
          name: t('administration.budget.yearLabel', { year: data.year - 1 }),
          values: data.units.map((u) => u.previousAmountThousandWon),
        },
      ]}
      horizontal
      {...useThousandWonFormats()}
    />
  );
}

/** The year's project budgets added up by where the money comes from (국비, 시비, 구비). */
export function SourcesChart({ year, items }: { year: number; items: PlanItem[] }) {
  const { t } = useTranslation();
  const sum = (key: 'nationalWon' | 'cityWon' | 'districtWon') =>
    items.reduce((total, i) => total + i.budget[key], 0) / 1000;
  return (
    <Chart
      title={t('administration.budget.chartSources', { year })}
      labels={[
        t('administration.plan.national'),
        t('administration.plan.city'),
        t('administration.plan.district'),
      ]}
      series={[
        {
          name: t('administration.budget.sourceTotal'),
          values: [sum('nationalWon'), sum('cityWon'), sum('districtWon')],
        },
      ]}
      {...useThousandWonFormats()}
    />
  );
}

export function Budget() {
  const { t } = useTranslation();
  const budget = useBudget();
  const plan = usePlan();
  return (
    <Page
      title={t('administration.budget.title')}
      crumbs={useAdministrationCrumbs()}
      lead={t('administration.budget.lead', { year: DEMO_YEAR })}
    >
      <div className="chart-row">
        <QueryState query={budget}>{(data) => <YearOnYearChart data={data} />}</QueryState>
        <QueryState query={plan}>{(data) => <SourcesChart year={data.year} items={data.items} />}</QueryState>
      </div>
      <QueryState query={budget}>
        {(data) => {
          const total = cells(data.total);
          return (
            <Table<Row>
              caption={t('administration.budget.caption', { year: data.year })}
              rows={data.units}
              rowKey={(r) => r.id}
              columns={[
                {
                  header: t('administration.budget.unit'),
                  rowHeader: true,
                  cell: (r) => pick(r.nameKo, r.nameEn),
                },
                {
                  header: t('administration.budget.amount', { year: data.year }),
                  numeric: true,
                  cell: (r) => cells(r)[0],
                },
                {
                  header: t('administration.budget.previous', { year: data.year - 1 }),
                  numeric: true,
                  cell: (r) => cells(r)[1],
                },
                { header: t('administration.budget.change'), numeric: true, cell: (r) => cells(r)[2] },
              ]}
              footer={
                <tr>
                  <th scope="row">{t('common.total')}</th>
                  {total.map((c) => (
                    <td key={c.key} className="num">
                      {c}
                    </td>
                  ))}
                </tr>
              }
            />
          );
        }}
      </QueryState>
    </Page>
  );
}
