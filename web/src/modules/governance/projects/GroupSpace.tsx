import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useMe } from '../../../api/session.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { useConfirm } from '../../../ui/ConfirmDialog.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Checkbox } from '../../../ui/Field.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Skeleton } from '../../../ui/Skeleton.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import {
  type Meeting,
  projectKeys,
  publishMinutes,
  removeMember,
  type GroupSpace as Space,
  setTaskDone,
  useGroupSpace,
} from './api.ts';
import { RemoveButton, useRefresh } from './FormBits.tsx';
import { DecisionForm, MeetingForm, MemberForm, ProgressForm, ReportForm, TaskForm } from './GroupForms.tsx';
import { DocumentsSection, EvaluationSection } from './GroupRecords.tsx';
import { Decisions } from './Minutes.tsx';
import { PhaseSteps, ProjectBadges, ProjectProgress } from './ProjectBits.tsx';
import './messages.ts';
import './projects.css';

// /governance/projects/:id/space — the working group's own space, for its members and the staff in
// charge: the phase, members, meetings with attendance, draft and published minutes with decisions,
// tasks, quarterly reports, documents and the final evaluation. The chair and the secretary record and publish; staff manage members and
// progress. Anyone else is told plainly that the space is for members only.
export default function GroupSpace() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const space = useGroupSpace(id, !!me.data);
  const crumbs = [
    { to: '/governance', label: t('govProject.governance') },
    { to: '/governance/projects', label: t('govProject.title') },
    ...(space.data ? [{ to: `/governance/projects/${id}`, label: space.data.project.title }] : []),
  ];
  const refused = space.error instanceof ApiError && [401, 403, 404].includes(space.error.status);
  let body: ReactNode;
  if (me.isPending || (me.data && space.isPending)) body = <Skeleton className="loading" lines={4} />;
  else if (!me.data)
    body = (
      <EmptyState
        icon="governance"
        title={t('govProject.membersOnlyTitle')}
        text={t('govProject.spaceSignIn')}
        actions={
          <Link className="btn btn-primary" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            {t('govProject.login')}
          </Link>
        }
      />
    );
  else if (refused)
    body = (
      <EmptyState
        icon="governance"
        title={t('govProject.membersOnlyTitle')}
        text={t('govProject.membersOnlyText')}
        actions={
          <Link className="btn btn-secondary" to={`/governance/projects/${id}`}>
            {t('govProject.backToProject')}
          </Link>
        }
      />
    );
  else if (space.isError)
    body = <Alert kind="danger">{space.error.message || t('common.unexpectedError')}</Alert>;
  else if (space.data) body = <SpaceBody space={space.data} />;
  return (
    <Page
      title={
        space.data ? `${t('govProject.spaceTitle')}: ${space.data.project.title}` : t('govProject.spaceTitle')
      }
      lead={t('govProject.spaceLead')}
      crumbs={crumbs}
    >
      {body}
    </Page>
  );
}

function SpaceBody({ space }: { space: Space }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  return (
    <>
      <p>
        {space.myRole
          ? t('govProject.myRole', { role: t(`govProject.role.${space.myRole}`) })
          : t('govProject.staffReader')}
      </p>
      <ProjectBadges project={space.project} />
      <PhaseSteps project={space.project} />
      <ProjectProgress project={space.project} />
      {space.canManage && <ProgressForm space={space} />}

      <section aria-labelledby="space-meetings" className="section">
        <h2 id="space-meetings">{t('govProject.meetingsTitle')}</h2>
        {space.canRecord &&
          (recording ? (
            <MeetingForm space={space} onDone={() => setRecording(false)} />
          ) : (
            <p>
              <Button onClick={() => setRecording(true)}>{t('govProject.newMeeting')}</Button>
            </p>
          ))}
        {space.meetings.length === 0 ? (
          <p>{t('govProject.meetingsNone')}</p>
        ) : (
          space.meetings.map((m) => <MeetingCard key={m.id} space={space} meeting={m} />)
        )}
      </section>

      <section aria-labelledby="space-members" className="section">
        <h2 id="space-members">{t('govProject.membersTitle')}</h2>
        <p>{t('govProject.membersCount', { count: space.members.length })}</p>
        <Members space={space} />
        {space.canManage && <MemberForm space={space} />}
      </section>

      <section aria-labelledby="space-tasks" className="section">
        <h2 id="space-tasks">{t('govProject.tasksTitle')}</h2>
        <Tasks space={space} />
        {space.canRecord && <TaskForm space={space} />}
      </section>

      <section aria-labelledby="space-reports" className="section">
        <h2 id="space-reports">{t('govProject.reportsTitle')}</h2>
        {space.reports.length === 0 ? (
          <p>{t('govProject.reportsNone')}</p>
        ) : (
          space.reports.map((r) => (
            <article key={r.id} className="card meeting">
              <h3>{t('govProject.reportHeading', { year: r.year, quarter: r.quarter })}</h3>
              <p className="project-meta">
                {t('govProject.progress', { percent: r.progress })} · {formatDateTime(r.createdAt)}
              </p>
              <p className="minutes-text">{r.body}</p>
            </article>
          ))
        )}
        {space.canRecord && <ReportForm space={space} />}
      </section>

      <DocumentsSection space={space} />
      <EvaluationSection space={space} />
    </>
  );
}

function MeetingCard({ space, meeting: m }: { space: Space; meeting: Meeting }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const [editing, setEditing] = useState(false);
  const projectId = space.project.id;
  const publish = useMutation({
    mutationFn: () => publishMinutes(projectId, m.id),
    onSuccess: () => {
      toast.show(t('govProject.published'));
      void queryClient.invalidateQueries({ queryKey: projectKeys.space(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) });
    },
  });
  const present = space.members.filter((member) => m.attendees.includes(member.userId));
  const draft = m.status === 'draft';
  const canPublish = draft && (space.myRole === 'chair' || space.myRole === 'secretary');
  const headingId = `meeting-${m.id}`;
  return (
    <article className="card meeting" aria-labelledby={headingId}>
      <h3 id={headingId}>{m.title}</h3>
      <p className="project-badges">
        <span className="badge">{t(`govProject.minutesStatus.${m.status}`)}</span>
      </p>
      <p className="project-meta">
        {t('govProject.heldOn', { day: formatDate(m.heldOn) })}
        {m.publishedAt && <> · {t('govProject.publishedOn', { day: formatDate(m.publishedAt) })}</>}
      </p>
      <p className="project-meta">
        {present.length > 0
          ? t('govProject.present', {
              count: present.length,
              total: space.members.length,
              names: present.map((p) => p.name).join(', '),
            })
          : t('govProject.presentNone')}
      </p>
      {editing ? (
        <MeetingForm space={space} meeting={m} onDone={() => setEditing(false)} />
      ) : (
        <>
          {m.agenda && (
            <>
              <h4>{t('govProject.agenda')}</h4>
              <p className="minutes-text">{m.agenda}</p>
            </>
          )}
          <h4>{t('govProject.minutesBody')}</h4>
          <p className="minutes-text">{m.minutes || t('govProject.minutesEmpty')}</p>
        </>
      )}
      <Decisions decisions={m.decisions} />
      {draft && space.canRecord && !editing && (
        <>
          <DecisionForm projectId={projectId} meetingId={m.id} />
          <div className="button-row">
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('govProject.edit')}
            </Button>
            {canPublish && (
              <Button
                disabled={publish.isPending}
                onClick={async () => {
                  if (
                    await confirm({
                      title: t('govProject.publishTitle'),
                      message: t('govProject.publishText'),
                      confirmLabel: t('govProject.publish'),
                    })
                  )
                    publish.mutate();
                }}
              >
                {t('govProject.publish')}
              </Button>
            )}
          </div>
          {!canPublish && <p className="project-meta">{t('govProject.publishRoleNote')}</p>}
        </>
      )}
      {publish.isError && <MutationAlert mutation={publish} />}
      {dialog}
    </article>
  );
}

function Members({ space }: { space: Space }) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefresh(space.project.id);
  const { confirm, dialog } = useConfirm();
  const remove = useMutation({
    mutationFn: (userId: string) => removeMember(space.project.id, userId),
    onSuccess: () => {
      toast.show(t('govProject.removed'));
      refresh();
    },
  });
  return (
    <>
      <ul className="member-list">
        {space.members.map((m) => (
          <li key={m.userId}>
            <strong>{m.name}</strong>
            <span className="badge">{t(`govProject.role.${m.role}`)}</span>
            <span>{t(`govProject.kind.${m.kind}`)}</span>
            {space.canManage && (
              <RemoveButton
                label={t('govProject.remove', { name: m.name })}
                question={t('govProject.removeConfirm', { name: m.name })}
                busy={remove.isPending}
                confirm={confirm}
                onRemove={() => remove.mutate(m.userId)}
              />
            )}
          </li>
        ))}
      </ul>
      {remove.isError && <MutationAlert mutation={remove} />}
      {dialog}
    </>
  );
}

function Tasks({ space }: { space: Space }) {
  const { t } = useTranslation();
  const me = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: ({ taskId, on }: { taskId: string; on: boolean }) =>
      setTaskDone(space.project.id, taskId, on),
    onSuccess: () => {
      toast.show(t('govProject.taskSaved'));
      void queryClient.invalidateQueries({ queryKey: projectKeys.space(space.project.id) });
    },
  });
  if (space.tasks.length === 0) return <p>{t('govProject.tasksNone')}</p>;
  return (
    <>
      <ul className="task-list">
        {space.tasks.map((task) => {
          const mayTick = space.canRecord || task.ownerId === me.data?.id;
          const owner = task.ownerName
            ? t('govProject.taskOwner', { name: task.ownerName })
            : t('govProject.taskNoOwner');
          return (
            <li key={task.id}>
              {mayTick ? (
                <Checkbox
                  label={task.title}
                  checked={task.done}
                  disabled={done.isPending}
                  onChange={(e) => done.mutate({ taskId: task.id, on: e.target.checked })}
                />
              ) : (
                <>
                  <span className="badge">
                    {task.done ? t('govProject.milestoneDone') : t('govProject.milestonePlanned')}
                  </span>
                  <span>{task.title}</span>
                </>
              )}
              <span className="project-meta">
                {owner} · {t('govProject.dueOn', { day: formatDate(task.dueOn) })}
              </span>
            </li>
          );
        })}
      </ul>
      {done.isError && <MutationAlert mutation={done} />}
    </>
  );
}
