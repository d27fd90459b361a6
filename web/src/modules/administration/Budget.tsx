import { useTranslation } from 'react-i18next';
import type { BudgetView } from '../../../../contracts/administration.ts';
import { DEMO_YEAR, useBudget } from '../../api/public.ts';
import { formatNumber, formatSigned, pick } from '../../ui/format.ts';
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

export function Budget() {
  const { t } = useTranslation();
  const budget = useBudget();
  return (
    <Page
      title={t('administration.budget.title')}
      crumbs={useAdministrationCrumbs()}
      lead={t('administration.budget.lead', { year: DEMO_YEAR })}
    >
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
