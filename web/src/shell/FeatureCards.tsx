import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInstalledModules } from '../api/public.ts';
import { Icon } from '../ui/Icon.tsx';
import { FEATURES, type FeatureKey } from './features.ts';
import './features.css';

export interface FeatureCard {
  feature: FeatureKey;
  title: string;
  text: string;
}

/**
 * Cards of what the platform offers. A service whose module is installed is a link to it; one that
 * is not yet says "준비 중" in a badge and in words, and is no link (nothing would be behind it).
 * While the list of modules loads, the cards show neither.
 */
export function FeatureCards({ cards, headingLevel = 3 }: { cards: FeatureCard[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const modules = useInstalledModules();
  const installed = modules.data ? new Set(modules.data.modules) : null;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="offer-grid feature-cards" aria-busy={modules.isPending || undefined}>
      {cards.map((card) => {
        const feature = FEATURES[card.feature];
        const ready = installed?.has(feature.module);
        const soon = installed !== null && !ready;
        return (
          <li key={card.feature} className={`offer feature-card${soon ? ' feature-soon' : ''}`}>
            <span className="feature-icon">
              <Icon name={feature.icon} size="large" />
            </span>
            <div className="feature-body">
              <H className="offer-heading">
                {ready ? (
                  <Link to={feature.to} className="feature-link">
                    {card.title}
                  </Link>
                ) : (
                  card.title
                )}
                {soon && <span className="badge badge-soon">{t('ui.comingSoon')}</span>}
              </H>
              <p>{card.text}</p>
              {soon && <p className="feature-soon-note">{t('features.soonNote')}</p>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
