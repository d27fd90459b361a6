import { useTranslation } from 'react-i18next';
import {
  DECISION_METHODS,
  DecisionBody,
  GROUP_MAX_MEMBERS,
  MEMBER_KINDS,
  MEMBER_ROLES,
  MeetingBody,
  MemberBody,
  PROJECT_STATUSES,
  ProgressBody,
  ReportBody,
  TaskBody,
} from '../../../../../contracts/governance-projects.ts';
import { errorOf, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox, SelectField, TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import {
  addDecision,
  addMember,
  addTask,
  createMeeting,
  type GroupSpace,
  type Meeting,
  saveReport,
  setProgress,
  updateMeeting,
} from './api.ts';
import { ChoiceField, SubmitButton, useGroupFormMutation } from './FormBits.tsx';

// The working group's write forms: a meeting record (new or a draft's), a decision, a task, a
// quarterly report (chair, secretary, staff); a member and the progress (staff).

/** Today in Seoul, as the district's dates are written. */
export const seoulToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });

const toNumber = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

export function MeetingForm({
  space,
  meeting,
  onDone,
}: {
  space: GroupSpace;
  meeting?: Meeting;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useZodForm(MeetingBody, {
    defaultValues: {
      heldOn: meeting?.heldOn ?? seoulToday(),
      title: meeting?.title ?? '',
      agenda: meeting?.agenda ?? '',
      minutes: meeting?.minutes ?? '',
      attendees: meeting?.attendees ?? [],
    },
  });
  const { mutation, onSubmit } = useGroupFormMutation(form, {
    projectId: space.project.id,
    list: true,
    send: (body: MeetingBody) =>
      meeting ? updateMeeting(space.project.id, meeting.id, body) : createMeeting(space.project.id, body),
    saved: t('govProject.meetingSaved'),
    keep: true,
    after: onDone,
  });
  const errors = form.formState.errors;
  const attendees = form.watch('attendees');
  const toggle = (userId: string, on: boolean) =>
    form.setValue(
      'attendees',
      on ? [...attendees.filter((a) => a !== userId), userId] : attendees.filter((a) => a !== userId),
    );
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      <h3>{meeting ? t('govProject.edit') : t('govProject.newMeeting')}</h3>
      <TextField
        type="date"
        label={t('govProject.meetingHeldOn')}
        required
        error={errorOf(errors, 'heldOn')}
        {...form.register('heldOn')}
      />
      <TextField
        label={t('govProject.meetingTitle')}
        required
        maxLength={120}
        error={errorOf(errors, 'title')}
        {...form.register('title')}
      />
      <TextArea
        label={t('govProject.meetingAgenda')}
        rows={3}
        error={errorOf(errors, 'agenda')}
        {...form.register('agenda')}
      />
      <TextArea
        label={t('govProject.meetingMinutes')}
        hint={t('govProject.meetingMinutesHint')}
        rows={6}
        error={errorOf(errors, 'minutes')}
        {...form.register('minutes')}
      />
      <fieldset>
        <legend className="field-label">{t('govProject.attendees')}</legend>
        {space.members.map((m) => (
          <Checkbox
            key={m.userId}
            label={`${m.name} (${t(`govProject.role.${m.role}`)})`}
            checked={attendees.includes(m.userId)}
            onChange={(e) => toggle(m.userId, e.target.checked)}
          />
        ))}
      </fieldset>
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {t('govProject.saveMeeting')}
        </Button>
        <Button variant="tertiary" onClick={onDone}>
          {t('govProject.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function DecisionForm({ projectId, meetingId }: { projectId: string; meetingId: string }) {
  const { t } = useTranslation();
  const form = useZodForm(DecisionBody, {
    defaultValues: { text: '', method: 'vote', votesFor: 0, votesAgainst: 0, votesAbstain: 0 },
  });
  const { mutation, onSubmit } = useGroupFormMutation(form, {
    projectId,
    list: true,
    send: (body: DecisionBody) => addDecision(projectId, meetingId, body),
    saved: t('govProject.decisionAdded'),
  });
  const errors = form.formState.errors;
  const method = form.watch('method');
  const count = { setValueAs: toNumber };
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      <h4>{t('govProject.addDecision')}</h4>
      <TextArea
        label={t('govProject.decisionText')}
        rows={2}
        required
        error={errorOf(errors, 'text')}
        {...form.register('text')}
      />
      <ChoiceField
        label={t('govProject.decisionMethod')}
        choices={DECISION_METHODS}
        wordOf={(m) => t(`govProject.method.${m}`)}
        {...form.register('method', {
          onChange: (e: { target: { value: string } }) => {
            const n = e.target.value === 'consensus' ? null : 0;
            form.setValue('votesFor', n);
            form.setValue('votesAgainst', n);
            form.setValue('votesAbstain', n);
          },
        })}
      />
      {method === 'vote' && (
        <div className="vote-counts">
          <TextField
            type="number"
            min={0}
            max={GROUP_MAX_MEMBERS}
            inputMode="numeric"
            label={t('govProject.votesFor')}
            error={errorOf(errors, 'votesFor')}
            {...form.register('votesFor', count)}
          />
          <TextField
            type="number"
            min={0}
            max={GROUP_MAX_MEMBERS}
            inputMode="numeric"
            label={t('govProject.votesAgainst')}
            error={errorOf(errors, 'votesAgainst')}
            {...form.register('votesAgainst', count)}
          />
          <TextField
            type="number"
            min={0}
            max={GROUP_MAX_MEMBERS}
            inputMode="numeric"
            label={t('govProject.votesAbstain')}
            error={errorOf(errors, 'votesAbstain')}
            {...form.register('votesAbstain', count)}
          />
        </div>
      )}
      <SubmitButton mutation={mutation} label={t('govProject.addDecision')} />
    </form>
  );
}

export function TaskForm({ space }: { space: GroupSpace }) {
  const { t } = useTranslation();
  const form = useZodForm(TaskBody, { defaultValues: { title: '', ownerId: null, dueOn: seoulToday() } });
  const { mutation, onSubmit } = useGroupFormMutation(form, {
    projectId: space.project.id,
    list: true,
    send: (body: TaskBody) => addTask(space.project.id, body),
    saved: t('govProject.taskAdded'),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      <h3>{t('govProject.newTask')}</h3>
      <TextField
        label={t('govProject.taskTitle')}
        required
        maxLength={200}
        error={errorOf(errors, 'title')}
        {...form.register('title')}
      />
      <SelectField
        label={t('govProject.taskOwnerField')}
        error={errorOf(errors, 'ownerId')}
        {...form.register('ownerId', { setValueAs: (v: string | null) => (v ? v : null) })}
      >
        <option value="">{t('govProject.taskNoOwner')}</option>
        {space.members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField
        type="date"
        label={t('govProject.taskDue')}
        required
        error={errorOf(errors, 'dueOn')}
        {...form.register('dueOn')}
      />
      <SubmitButton mutation={mutation} label={t('govProject.newTask')} />
    </form>
  );
}

export function ReportForm({ space }: { space: GroupSpace }) {
  const { t } = useTranslation();
  const today = seoulToday();
  const form = useZodForm(ReportBody, {
    defaultValues: {
      year: Number(today.slice(0, 4)),
      quarter: Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1,
      body: '',
      progress: space.project.progress,
    },
  });
  const { mutation, onSubmit } = useGroupFormMutation(form, {
    projectId: space.project.id,
    list: true,
    send: (body: ReportBody) => saveReport(space.project.id, body),
    saved: t('govProject.reportSaved'),
  });
  const errors = form.formState.errors;
  const asNumber = { setValueAs: (v: unknown) => (v === '' ? Number.NaN : Number(v)) };
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      <h3>{t('govProject.newReport')}</h3>
      <TextField
        type="number"
        inputMode="numeric"
        label={t('govProject.reportYear')}
        required
        error={errorOf(errors, 'year')}
        {...form.register('year', asNumber)}
      />
      <ChoiceField
        label={t('govProject.reportQuarter')}
        required
        choices={[1, 2, 3, 4]}
        wordOf={(quarter) => t('govProject.quarter', { quarter })}
        {...form.register('quarter', asNumber)}
      />
      <TextArea
        label={t('govProject.reportBody')}
        hint={t('govProject.reportBodyHint')}
        rows={5}
        required
        error={errorOf(errors, 'body')}
        {...form.register('body')}
      />
      <TextField
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        label={t('govProject.reportProgress')}
        required
        error={errorOf(errors, 'progress')}
        {...form.register('progress', asNumber)}
      />
      <SubmitButton mutation={mutation} label={t('govProject.saveReport')} />
    </form>
  );
}

export function MemberForm({ space }: { space: GroupSpace }) {
  const { t } = useTranslation();
  const form = useZodForm(MemberBody, { defaultValues: { email: '', kind: 'citizen', role: 'member' } });
  const { mutation, onSubmit } = useGroupFormMutation(form, {
    projectId: space.project.id,
    list: true,
    send: (body: MemberBody) => addMember(space.project.id, body),
    saved: t('govProject.memberAdded'),
  });
  const errors = form.formState.errors;
  if (space.members.length >= GROUP_MAX_MEMBERS) return <p>{t('govProject.groupFull')}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      <h3>{t('govProject.addMemberTitle')}</h3>
      <TextField
        type="email"
        autoComplete="off"
        label={t('govProject.email')}
        required
        error={errorOf(errors, 'email')}
        {...form.register('email')}
      />
      <ChoiceField
        label={t('govProject.memberKind')}
        choices={MEMBER_KINDS}
        wordOf={(k) => t(`govProject.kind.${k}`)}
        {...form.register('kind')}
      />
      <ChoiceField
        label={t('govProject.memberRole')}
        choices={MEMBER_ROLES}
        wordOf={(r) => t(`govProject.role.${r}`)}
        {...form.register('role')}
      />
      <SubmitButton mutation={mutation} label={t('govProject.addMember')} />
    </form>
  );
}

export function ProgressForm({ space }: { space: GroupSpace }) {
  const { t } = useTranslation();
  const p = space.project;
  const form = useZodForm(ProgressBody, {
    defaultValues: { status: p.status, progress: p.progress, spent: p.spent },
  });
  const { mutation, onSubmit } = useGroupFormMutation(form, {
    projectId: space.project.id,
    list: true,
    send: (body: ProgressBody) => setProgress(p.id, body),
    saved: t('govProject.progressSaved'),
    keep: true,
  });
  const errors = form.formState.errors;
  const asNumber = { setValueAs: (v: unknown) => (v === '' ? Number.NaN : Number(v)) };
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      <h3>{t('govProject.progressTitle')}</h3>
      <ChoiceField
        label={t('govProject.filterStatus')}
        choices={PROJECT_STATUSES}
        wordOf={(s) => t(`govProject.status.${s}`)}
        {...form.register('status')}
      />
      <TextField
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        label={t('govProject.progressField')}
        required
        error={errorOf(errors, 'progress')}
        {...form.register('progress', asNumber)}
      />
      <TextField
        type="number"
        inputMode="numeric"
        min={0}
        label={t('govProject.spentField')}
        required
        error={errorOf(errors, 'spent')}
        {...form.register('spent', asNumber)}
      />
      <SubmitButton mutation={mutation} label={t('govProject.saveProgress')} />
    </form>
  );
}
