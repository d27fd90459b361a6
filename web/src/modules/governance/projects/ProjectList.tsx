import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROJECT_STATUSES, type ProjectStatus } from '../../../../../contracts/governance-projects.ts';
import { useMe } from '../../../api/session.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { MorePager } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useMyGroups, useProjects } from './api.ts';
import { readableWon } from './money.ts';
import { ProjectBadges, ProjectProgress } from './ProjectBits.tsx';
import './messages.ts';
import './projects.css';

const PAGE = 10;

// /governance/projects: every governance project with its department, phase, progress and money,
// filtered by department and phase, ten at a time; a member's own working groups first.
export default function ProjectList() {
  const { t } = useTranslation();
  const list = useProjects();
  const me = useMe();
  const [department, setDepartment] = useState('');
  const [status, setStatus] = useState<ProjectStatus | ''>('');
  const [shown, setShown] = useState(PAGE);
  const departments = useMemo(
    () => [...new Set((list.data?.items ?? []).map((p) => p.department))].sort((a, b) => a.localeCompare(b)),
    [list.data],
  );
  return (
    <Page
      title={t('govProject.title')}
      lead={t('govProject.lead')}
      crumbs={[{ to: '/governance', label: t('govProject.governance') }]}
    >
      {me.data && <MyGroups />}
      <QueryState query={list} loading={{ cards: 3 }}>
        {(data) => {
          if (data.items.length === 0) return <EmptyState icon="check" title={t('govProject.noneAtAll')} />;
          const items = data.items.filter(
            (p) => (!department || p.department === department) && (!status || p.status === status),
          );
          return (
            <>
              <p className="project-stats">
                {/* A number, not formatted text: i18next picks the plural form from it (a string shows the key). */}
                {t('govProject.projectsCount', { count: data.items.length })}
                {' · '}
                {t('govProject.departmentsCount', { count: data.departments })}
                {' · '}
                {t('govProject.totalBudget', { amount: readableWon(data.totalBudget) })}
              </p>
              <div className="project-filters">
                <SelectField
                  label={t('govProject.filterDepartment')}
                  value={department}
                  onChange={(e) => {
                    setDepartment(e.target.value);
                    setShown(PAGE);
                  }}
                >
                  <option value="">{t('govProject.all')}</option>
                  {departments.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label={t('govProject.filterStatus')}
                  value={status}
                  onChange={(e) => {
                    setStatus(e.target.value as ProjectStatus | '');
                    setShown(PAGE);
                  }}
                >
                  <option value="">{t('govProject.all')}</option>
                  {PROJECT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`govProject.status.${s}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
              {items.length === 0 ? (
                <EmptyState icon="search" title={t('govProject.none')} text={t('govProject.noneText')} />
              ) : (
                <>
                  <ul className="card-list project-list">
                    {items.slice(0, shown).map((p) => (
                      <li key={p.id} className="card">
                        <h2 className="card-title">
                          <Link to={`/governance/projects/${p.id}`}>{p.title}</Link>
                        </h2>
                        <ProjectBadges project={p} />
                        <p className="project-meta">
                          {t('govProject.department', { department: p.department })} ·{' '}
                          {t('govProject.year', { year: p.year })}
                        </p>
                        <ProjectProgress project={p} />
                      </li>
                    ))}
                  </ul>
                  <MorePager
                    shown={Math.min(shown, items.length)}
                    total={items.length}
                    hasMore={shown < items.length}
                    onMore={() => setShown((n) => n + PAGE)}
                  />
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

/** The signed-in person's working groups, each a way into its space. */
function MyGroups() {
  const { t } = useTranslation();
  const mine = useMyGroups();
  if (!mine.data || mine.data.items.length === 0) return null;
  return (
    <section aria-labelledby="my-groups" className="section">
      <h2 id="my-groups">{t('govProject.mineTitle')}</h2>
      <ul className="card-list">
        {mine.data.items.map(({ project, role, kind }) => (
          <li key={project.id} className="card">
            <h3 className="card-title">
              <Link to={`/governance/projects/${project.id}/space`}>{project.title}</Link>
            </h3>
            <p className="project-meta">
              {t('govProject.mineRole', {
                role: t(`govProject.role.${role}`),
                kind: t(`govProject.kind.${kind}`),
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
