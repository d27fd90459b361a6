import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { areaOf, DEMO_YEAR, useBudget, usePlan } from '../api/public.ts';
import { PlanList } from '../modules/administration/PlanList.tsx';
import { formatNumber, pick } from '../ui/format.ts';
import { Page } from '../ui/Page.tsx';
import { QueryState } from '../ui/QueryState.tsx';

type Area = 'youth' | 'governance' | 'social-economy';

// One area of the division's work: what it offers, then its plan items and budget from the 2019 data.
export function AreaPage({
  area,
  i18nKey,
  offers,
  children,
}: {
  area: Area;
  i18nKey: string;
  offers: string[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const plan = usePlan();
  const budget = useBudget();
  return (
    <Page title={t(`${i18nKey}.title`)} lead={t(`${i18nKey}.lead`)}>
      <section aria-labelledby="area-offers" className="section">
        <h2 id="area-offers">{t('area.offersTitle')}</h2>
        <ul className="offer-grid">
          {offers.map((key) => (
            <li key={key} className="offer">
              <h3>{t(`${i18nKey}.offers.${key}.title`)}</h3>
              <p>{t(`${i18nKey}.offers.${key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
      {children}
      <section aria-labelledby="area-budget" className="section">
        <h2 id="area-budget">{t('area.budgetTitle', { year: DEMO_YEAR })}</h2>
        <QueryState query={budget}>
          {(data) => (
            <ul className="stat-list">
              {data.units
                .filter((u) => areaOf(u.nameKo) === area && !u.nameKo.includes('기본경비'))
                .map((u) => (
                  <li key={u.id} className="stat">
                    <span className="stat-label">{pick(u.nameKo, u.nameEn)}</span>
                    <span className="stat-value">
                      {t('money.thousandWon', { value: formatNumber(u.amountThousandWon) })}
                    </span>
                    <span className="stat-note">
                      {t('area.previous', { value: formatNumber(u.previousAmountThousandWon) })}
                    </span>
                  </li>
                ))}
            </ul>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="area-plan" className="section">
        <h2 id="area-plan">{t('area.planTitle', { year: DEMO_YEAR })}</h2>
        <QueryState query={plan}>
          {(data) => <PlanList items={data.items.filter((i) => areaOf(i.titleKo, i.team) === area)} />}
        </QueryState>
      </section>
    </Page>
  );
}
