import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../api/public.ts';
import { formatNumber, pick } from '../../ui/format.ts';

// Plan items as a list of cards: title, team, period, budget in 천원 and the measurable targets.
export function PlanList({ items, headingLevel = 3 }: { items: PlanItem[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (items.length === 0) return <p>{t('common.empty')}</p>;
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={item.id} className="card">
          <H className="card-title">
            {item.kind === 'key_project' && <span className="badge">{t('plan.keyProject')}</span>}{' '}
            {pick(item.titleKo, item.titleEn)}
          </H>
          <dl className="facts">
            {item.team && (
              <div>
                <dt>{t('plan.team')}</dt>
                <dd>{pick(item.team.nameKo, item.team.nameEn)}</dd>
              </div>
            )}
            <div>
              <dt>{t('plan.period')}</dt>
              <dd>{`${item.period.start} ~ ${item.period.end}`}</dd>
            </div>
            <div>
              <dt>{t('plan.budget')}</dt>
              <dd>{t('money.thousandWon', { value: formatNumber(item.budget.totalThousandWon) })}</dd>
            </div>
          </dl>
          {item.targets.length > 0 && (
            <>
              <p className="card-subtitle">{t('plan.targets')}</p>
              <ul className="targets">
                {item.targets.map((target) => (
                  <li key={target.id}>
                    {t('plan.targetLine', {
                      description: pick(target.descriptionKo, target.descriptionEn),
                      amount: formatNumber(target.targetCount),
                      unit: t(`plan.units.${target.unit}`, { defaultValue: target.unit }),
                      comparison:
                        target.comparison !== 'exactly' ? t(`plan.comparison.${target.comparison}`) : '',
                      per: t(`plan.per.${target.per}`),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
