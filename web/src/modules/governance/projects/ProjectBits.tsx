import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES } from '../../../../../contracts/governance-projects.ts';
import type { ProjectSummary } from './api.ts';
import { readableWon, spentPercent } from './money.ts';

// What the list, the project page and the space show alike: the phase badge and the progress and
// money lines of one project.

export function ProjectBadges({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  return (
    <p className="project-badges">
      <span className="badge">{t(`govProject.status.${project.status}`)}</span>{' '}
      {project.sample && <span className="badge">{t('govProject.sample')}</span>}
    </p>
  );
}

export function ProjectProgress({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="project-progress">
        <progress id={id} max={100} value={project.progress} aria-label={t('govProject.progressLabel')} />
        <span>{t('govProject.progress', { percent: project.progress })}</span>
      </div>
      <p className="project-meta">
        {t('govProject.budget', { amount: readableWon(project.budget) })}
        {' · '}
        {t('govProject.spent', {
          amount: readableWon(project.spent),
          percent: spentPercent(project.budget, project.spent),
        })}
      </p>
    </>
  );
}

/** The three phases (before, during, after execution) with the current one marked, in words. */
export function PhaseSteps({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const current = PROJECT_STATUSES.indexOf(project.status);
  return (
    <section aria-labelledby={id} className="phase-steps">
      <h2 id={id} className="phase-steps-title">
        {t('govProject.phaseTitle')}
      </h2>
      <ol>
        {PROJECT_STATUSES.map((s, i) => {
          const where = i < current ? 'phaseDone' : i === current ? 'phaseNow' : 'phaseNext';
          return (
            <li
              key={s}
              className={`phase-step phase-${where}`}
              aria-current={i === current ? 'step' : undefined}
            >
              <strong>{t(`govProject.status.${s}`)}</strong>
              <span className="project-meta">{t(`govProject.${where}`)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
