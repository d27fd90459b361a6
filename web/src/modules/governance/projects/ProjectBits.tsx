import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from './api.ts';
import { readableWon, spentPercent } from './money.ts';

// What the list, the project page and the space show alike: the phase badge and the progress and
// money lines of one project.

export function ProjectBadges({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  return (
    <p className="project-badges">
      <span className="badge">{t(`govProject.status.${project.status}`)}</span>
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
