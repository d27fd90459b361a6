import { useTranslation } from 'react-i18next';
import { DEMO_YEAR, type PlanItem, usePlan } from '../../api/public.ts';
import { Chart } from '../../ui/Chart.tsx';
import { formatCompact, formatNumber, pick } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { useAdministrationCrumbs } from './AdministrationHome.tsx';
import { PlanList } from './PlanList.tsx';
import './administration.css';

export function PlanTable() {
  const { t } = useTranslation();
  const plan = usePlan();
  const k = (n: number) => formatNumber(n / 1000);
  return (
    <Page
      title={t('administration.plan.title')}
      crumbs={useAdministrationCrumbs()}
      lead={t('administration.plan.lead', { year: DEMO_YEAR })}
    >
      <QueryState query={plan}>
        {(data) => (
          <>
            <Chart
              title={t('administration.plan.chartTitle', { year: data.year })}
              labels={data.items.map((r) => `${r.number}. ${pick(r.titleKo, r.titleEn)}`)}
              series={[
                {
                  name: t('administration.plan.national'),
                  values: data.items.map((r) => r.budget.nationalWon / 1000),
                },
                {
                  name: t('administration.plan.city'),
                  values: data.items.map((r) => r.budget.cityWon / 1000),
                },
                {
                  name: t('administration.plan.district'),
                  values: data.items.map((r) => r.budget.districtWon / 1000),
                },
              ]}
              format={(v) => t('money.thousandWon', { value: formatNumber(v) })}
              axisFormat={(v) => t('money.compactWon', { value: formatCompact(v * 1000) })}
              horizontal
              stacked
            />
            <Table<PlanItem>
              caption={t('administration.plan.caption', { year: data.year })}
              rows={data.items}
              rowKey={(r) => r.id}
              columns={[
                {
                  header: t('administration.plan.item'),
                  rowHeader: true,
                  cell: (r) =>
                    `${r.kind === 'key_project' ? `${t('plan.keyProject')} ` : ''}${r.number}. ${pick(r.titleKo, r.titleEn)}`,
                },
                {
                  header: t('administration.plan.total'),
                  numeric: true,
                  cell: (r) => formatNumber(r.budget.totalThousandWon),
                },
                {
                  header: t('administration.plan.national'),
                  numeric: true,
                  cell: (r) => k(r.budget.nationalWon),
                },
                { header: t('administration.plan.city'), numeric: true, cell: (r) => k(r.budget.cityWon) },
                {
                  header: t('administration.plan.district'),
                  numeric: true,
                  cell: (r) => k(r.budget.districtWon),
                },
              ]}
            />
            <h2 className="section-title">{t('administration.plan.targetsTitle')}</h2>
            <PlanList items={data.items} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
