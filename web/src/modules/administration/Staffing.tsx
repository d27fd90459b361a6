import { useTranslation } from 'react-i18next';
import type { StaffingView } from '../../../../contracts/administration.ts';
import { DEMO_YEAR, useStaffing } from '../../api/public.ts';
import { formatSigned } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { useAdministrationCrumbs } from './AdministrationHome.tsx';

type Row = StaffingView['rows'][number];

export function Staffing() {
  const { t } = useTranslation();
  const staffing = useStaffing();
  return (
    <Page
      title={t('administration.staffing.title')}
      crumbs={useAdministrationCrumbs()}
      lead={t('administration.staffing.lead', { year: DEMO_YEAR })}
    >
      <QueryState query={staffing}>
        {(data) => (
          <Table<Row>
            caption={t('administration.staffing.caption', { year: data.year })}
            rows={data.rows}
            rowKey={(r) => `${r.category}-${r.grade}`}
            columns={[
              {
                header: t('administration.staffing.grade'),
                rowHeader: true,
                cell: (r) =>
                  `${t(`administration.staffing.category.${r.category}`)} ${t('administration.staffing.gradeN', { grade: r.grade })}`,
              },
              { header: t('administration.staffing.authorised'), numeric: true, cell: (r) => r.authorised },
              { header: t('administration.staffing.current'), numeric: true, cell: (r) => r.current },
              {
                header: t('administration.staffing.difference'),
                numeric: true,
                cell: (r) => formatSigned(r.difference),
              },
            ]}
            footer={
              <tr>
                <th scope="row">{t('common.total')}</th>
                <td className="num">{data.totals.authorised}</td>
                <td className="num">{data.totals.current}</td>
                <td className="num">{formatSigned(data.totals.difference)}</td>
              </tr>
            }
          />
        )}
      </QueryState>
    </Page>
  );
}
