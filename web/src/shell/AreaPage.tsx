import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { areaOf, DEMO_YEAR, useBudget, usePlan } from '../api/public.ts';
import { PlanList } from '../modules/administration/PlanList.tsx';
import { formatNumber, pick } from '../ui/format.ts';
import { Page } from '../ui/Page.tsx';
import type { PlaceCode } from '../ui/Picture.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { FeatureCards } from './FeatureCards.tsx';
import type { FeatureKey } from './features.ts';
import { PlaceCards } from './PlaceCards.tsx';

type Area = 'youth' | 'governance' | 'social-economy';

// One area of the division's work: what it offers (a link where the service is open, "준비 중" where
// not), its places, then its plan items and budget from the 2019 data.
export function AreaPage({
  area,
  i18nKey,
  offers,
  places = [],
  first,
  children,
}: {
  area: Area;
  i18nKey: string;
  /** Each offer's copy key under `${i18nKey}.offers` and the service it is. */
  offers: [string, FeatureKey][];
  places?: PlaceCode[];
  /** What comes before the offers (the youth home's field tiles). */
  first?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const plan = usePlan();
  const budget = useBudget();
  return (
    <Page title={t(`${i18nKey}.title`)} lead={t(`${i18nKey}.lead`)}>
      {first}
      <section aria-labelledby="area-offers" className="section">
        <h2 id="area-offers">{t('area.offersTitle')}</h2>
        <FeatureCards
          cards={offers.map(([key, feature]) => ({
            feature,
            title: t(`${i18nKey}.offers.${key}.title`),
            text: t(`${i18nKey}.offers.${key}.text`),
          }))}
        />
      </section>
      {children}
      {places.length > 0 && <PlaceCards places={places} />}
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
