import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../../contracts/governance-projects.ts';

// The decisions of one meeting, with how each was reached (vote counts, or consensus).
export function Decisions({ decisions, headingLevel = 4 }: { decisions: Decision[]; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <H>{t('govProject.decisionsTitle')}</H>
      {decisions.length === 0 ? (
        <p>{t('govProject.decisionsNone')}</p>
      ) : (
        <ul>
          {decisions.map((d) => (
            <li key={d.id}>
              <span className="minutes-text">{d.text}</span>{' '}
              <span className="badge">{t(`govProject.method.${d.method}`)}</span>
              {d.method === 'vote' && (
                <>
                  {' '}
                  {t('govProject.votes', {
                    for: d.votesFor ?? 0,
                    against: d.votesAgainst ?? 0,
                    abstain: d.votesAbstain ?? 0,
                  })}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
