import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../../api/session.ts';
import { Button } from '../../../ui/Button.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { type ProjectPage as Project, projectKeys, setFollow, useProject } from './api.ts';
import { ScoreList } from './GroupRecords.tsx';
import { Decisions } from './Minutes.tsx';
import { ProjectBadges, ProjectProgress } from './ProjectBits.tsx';
import { MilestoneForm, MilestoneTitle, MilestoneTools } from './StaffMilestones.tsx';
import './messages.ts';
import './projects.css';

// /governance/projects/:id — the public accountability page: phase, progress and money, the
// milestones, the working group's published minutes with their decisions, the published final
// evaluation and news; follow it.
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const project = useProject(id);
  return (
    <Page
      title={project.data?.title ?? t('govProject.title')}
      lead={project.data?.summary}
      crumbs={[
        { to: '/governance', label: t('govProject.governance') },
        { to: '/governance/projects', label: t('govProject.title') },
      ]}
    >
      <QueryState query={project}>
        {(p) => (
          <>
            <section aria-labelledby="project-facts" className="section">
              <h2 id="project-facts">{t('govProject.factsTitle')}</h2>
              <ProjectBadges project={p} />
              <p className="project-meta">
                {t('govProject.department', { department: p.department })} ·{' '}
                {t('govProject.year', { year: p.year })}
              </p>
              <ProjectProgress project={p} />
              <p className="project-meta">
                {t('govProject.inThousand', { budget: formatNumber(p.budget), spent: formatNumber(p.spent) })}
              </p>
              <p className="project-meta">
                {t('govProject.members', { count: p.members })} ·{' '}
                {t('govProject.followers', { count: p.followers })}
              </p>
              <FollowBox project={p} />
              {p.canOpenSpace && (
                <p>
                  <Link className="btn btn-secondary" to={`/governance/projects/${p.id}/space`}>
                    {t('govProject.openSpace')}
                  </Link>
                </p>
              )}
            </section>
            <section aria-labelledby="project-milestones" className="section">
              <h2 id="project-milestones">{t('govProject.milestonesTitle')}</h2>
              {p.milestones.length === 0 ? (
                <p>{t('govProject.milestonesNone')}</p>
              ) : (
                <ol className="milestone-list">
                  {p.milestones.map((m) => (
                    <li key={m.id}>
                      <span className="badge">
                        {m.done ? t('govProject.milestoneDone') : t('govProject.milestonePlanned')}
                      </span>
                      <MilestoneTitle milestone={m} />
                      <span>{t('govProject.dueOn', { day: formatDate(m.dueOn) })}</span>
                      {m.doneOn && <span>{t('govProjectStaff.doneOn', { day: formatDate(m.doneOn) })}</span>}
                      {p.canManage && <MilestoneTools projectId={p.id} milestone={m} />}
                    </li>
                  ))}
                </ol>
              )}
              {p.canManage && <MilestoneForm projectId={p.id} />}
            </section>
            <section aria-labelledby="project-minutes" className="section">
              <h2 id="project-minutes">{t('govProject.minutesTitle')}</h2>
              {p.minutes.length === 0 ? (
                <p>{t('govProject.minutesNone')}</p>
              ) : (
                p.minutes.map((m) => (
                  <article key={m.id} className="card meeting">
                    <h3>{m.title}</h3>
                    <p className="project-meta">
                      {t('govProject.heldOn', { day: formatDate(m.heldOn) })} ·{' '}
                      {t('govProject.attendance', { count: m.attendance })} ·{' '}
                      {t('govProject.publishedOn', { day: formatDate(m.publishedAt) })}
                    </p>
                    {m.agenda && (
                      <>
                        <h4>{t('govProject.agenda')}</h4>
                        <p className="minutes-text">{m.agenda}</p>
                      </>
                    )}
                    <h4>{t('govProject.minutesBody')}</h4>
                    <p className="minutes-text">{m.minutes}</p>
                    <Decisions decisions={m.decisions} />
                  </article>
                ))
              )}
            </section>
            {p.evaluation && (
              <section aria-labelledby="project-evaluation" className="section">
                <h2 id="project-evaluation">{t('govProject.evaluationTitle')}</h2>
                <p className="project-meta">
                  {t('govProject.evaluationPublishedOn', { day: formatDate(p.evaluation.publishedAt) })}
                </p>
                <ScoreList scores={p.evaluation.scores} average={p.evaluation.average} />
                <h3>{t('govProject.lessons')}</h3>
                <p className="minutes-text">{p.evaluation.lessons}</p>
              </section>
            )}
            <section aria-labelledby="project-updates" className="section">
              <h2 id="project-updates">{t('govProject.updatesTitle')}</h2>
              {p.updates.length === 0 ? (
                <p>{t('govProject.updatesNone')}</p>
              ) : (
                <ul className="update-list">
                  {p.updates.map((u) => (
                    <li key={u.id}>
                      <span className="badge">{t(`govProject.updateKind.${u.kind}`)}</span>
                      <span>{u.text}</span>
                      <span className="project-meta">{formatDateTime(u.createdAt)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

function FollowBox({ project }: { project: Project }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const follow = useMutation({
    mutationFn: (on: boolean) => setFollow(project.id, on),
    onSuccess: (state) => {
      toast.show(t(state.following ? 'govProject.followed' : 'govProject.unfollowed'));
      queryClient.setQueryData<Project>(projectKeys.one(project.id), (old) =>
        old ? { ...old, following: state.following, followers: state.followers } : old,
      );
    },
  });
  if (!me.data)
    return (
      <p>
        {t('govProject.followSignIn')}{' '}
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('govProject.login')}</Link>
      </p>
    );
  return (
    <>
      <Button
        variant={project.following ? 'secondary' : 'primary'}
        disabled={follow.isPending}
        onClick={() => follow.mutate(!project.following)}
      >
        {project.following ? t('govProject.unfollow') : t('govProject.follow')}
      </Button>
      {follow.isError && <MutationAlert mutation={follow} />}
    </>
  );
}
