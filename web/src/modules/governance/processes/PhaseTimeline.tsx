import { useTranslation } from 'react-i18next';
import { PHASE_PARTS } from '../../../../../contracts/governance-processes.ts';
import { formatDate } from '../../../ui/format.ts';
import type { Process } from './api.ts';

// The phases as an ordered list (a vertical timeline on a phone), the current one marked in words
// and not only by colour.
export function PhaseTimeline({ process }: { process: Process }) {
  const { t } = useTranslation();
  return (
    <ol className="phase-timeline">
      {process.phases.map((phase) => {
        const current = phase.kind === process.currentPhase;
        const parts = PHASE_PARTS.filter((part) => phase[part]).map((part) => t(`process.part.${part}`));
        return (
          <li
            key={phase.kind}
            className={current ? 'phase phase-current' : 'phase'}
            aria-current={current ? 'step' : undefined}
          >
            <h3 className="phase-name">
              {t(`process.phase.${phase.kind}`)}
              {current && <span className="badge">{t('process.current')}</span>}
            </h3>
            <p className="phase-dates">
              {t('process.period', { from: formatDate(phase.startsOn), to: formatDate(phase.endsOn) })}
            </p>
            <p className="phase-parts">
              {parts.length > 0 ? t('process.partsOn', { parts: parts.join(', ') }) : t('process.partsNone')}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
