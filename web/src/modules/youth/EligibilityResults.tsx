import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EligibilityItem } from '../../api/youth.ts';
import { Button } from '../../ui/Button.tsx';
import { countUnknown, Deadline, RuleList, StatusBadge } from './parts.tsx';

const STEP = 20;

/** The sentence a page puts in its polite live region once results arrive. */
export function countText(t: TFunction, count: number): string {
  return count === 0 ? t('youth.check.none') : t('youth.check.count', { count });
}

// Policies that fit, each with every rule explained, twenty at a time so a phone does not render
// hundreds of cards. The self-check's server sends a page at a time (`more` loads the next, `total`
// counts them all); "policies for me" sends them all and the page shows them in steps.
export function EligibilityResults({
  items,
  total = items.length,
  more,
  headingLevel = 3,
}: {
  items: EligibilityItem[];
  total?: number;
  more?: { load: () => void; loading: boolean };
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState(STEP);
  const shown = more ? items.length : step;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {items.length > 0 && (
        <ul className="card-list">
          {items.slice(0, shown).map((item) => (
            <li key={item.id} className="card youth-card">
              <Heading className="card-title">
                <Link to={`/youth/policies/${item.id}`}>{item.title}</Link>
              </Heading>
              <p className="youth-meta">
                <StatusBadge status={item.status} />{' '}
                <span>
                  {t('youth.deadline')}: <Deadline deadline={item.deadline} status={item.status} />
                </span>
              </p>
              {countUnknown(item) > 0 && (
                <p className="note">{t('youth.check.unknownCount', { count: countUnknown(item) })}</p>
              )}
              <RuleList rules={item.rules} />
            </li>
          ))}
        </ul>
      )}
      {(more || shown < items.length) && (
        <p>
          <Button
            variant="secondary"
            disabled={more?.loading}
            onClick={() => (more ? more.load() : setStep(step + STEP))}
          >
            {more?.loading
              ? t('common.loading')
              : t('youth.moreOf', { shown: Math.min(shown, items.length), total })}
          </Button>
        </p>
      )}
    </>
  );
}
