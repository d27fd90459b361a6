import { useTranslation } from 'react-i18next';
import { ENTERPRISE_KINDS } from '../../../../contracts/social-economy-kinds.ts';
import { useEnterpriseSummary } from '../../api/public.ts';
import { AreaPage } from '../../shell/AreaPage.tsx';
import { Chart } from '../../ui/Chart.tsx';
import { formatNumber } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';

export function SocialEconomy() {
  const { t } = useTranslation();
  const summary = useEnterpriseSummary();
  return (
    <AreaPage
      area="social-economy"
      i18nKey="socialEconomy"
      offers={[
        ['support', 'enterpriseSupport'],
        ['procurement', 'procurement'],
        ['survey', 'survey'],
      ]}
      places={['social-economy-center']}
    >
      <section aria-labelledby="enterprise-summary" className="section">
        <h2 id="enterprise-summary">{t('socialEconomy.summaryTitle')}</h2>
        <QueryState query={summary}>
          {(data) => (
            <>
              <ul className="stat-list">
                <li className="stat">
                  <span className="stat-label">{t('socialEconomy.total')}</span>
                  <span className="stat-value">
                    {t('socialEconomy.count', { value: formatNumber(data.total) })}
                  </span>
                </li>
                {ENTERPRISE_KINDS.map((k) => (
                  <li key={k} className="stat">
                    <span className="stat-label">{t(`socialEconomy.kinds.${k}`)}</span>
                    <span className="stat-value">
                      {t('socialEconomy.count', { value: formatNumber(data.byKind[k]) })}
                    </span>
                  </li>
                ))}
              </ul>
              <Chart
                title={t('socialEconomy.chartTitle')}
                labels={ENTERPRISE_KINDS.map((k) => t(`socialEconomy.kinds.${k}`))}
                series={[
                  {
                    name: t('socialEconomy.kindsSeries'),
                    values: ENTERPRISE_KINDS.map((k) => data.byKind[k]),
                  },
                ]}
                format={(v) => t('socialEconomy.count', { value: formatNumber(v) })}
                axisFormat={formatNumber}
              />
              {data.sample && <p className="note">{t('socialEconomy.sampleNote')}</p>}
            </>
          )}
        </QueryState>
      </section>
    </AreaPage>
  );
}
