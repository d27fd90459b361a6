import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MilestoneBody } from '../../../../../contracts/governance-projects.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { addMilestone, editMilestone, type Milestone, removeMilestone, setMilestoneDone } from './api.ts';
import { SubmitButton, useRefresh } from './FormBits.tsx';
import { seoulToday } from './GroupForms.tsx';
import './staff.messages.ts';

// Staff's milestone tools on the project page: add a milestone (with an optional English title),
// tick it done on a day (followers hear of it), untick, correct its titles or due day, remove it.

/** The milestone's title in the reader's language: English readers get the Korean one when there is no English one. */
export function MilestoneTitle({ milestone: m }: { milestone: Milestone }) {
  const { i18n } = useTranslation();
  const english = shownTitle(m, i18n.language);
  return english === m.title ? <span lang="ko">{m.title}</span> : <span>{english}</span>;
}

const shownTitle = (m: Pick<Milestone, 'title' | 'titleEn'>, language: string) =>
  language.startsWith('en') && m.titleEn ? m.titleEn : m.title;

/** Add a milestone, or (with `milestone`) correct one. */
export function MilestoneForm({
  projectId,
  milestone,
  onDone,
}: {
  projectId: string;
  milestone?: Milestone;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const refresh = useRefresh(projectId);
  const form = useZodForm(MilestoneBody, {
    defaultValues: {
      title: milestone?.title ?? '',
      titleEn: milestone?.titleEn ?? '',
      dueOn: milestone?.dueOn ?? seoulToday(),
    },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: MilestoneBody) =>
      milestone ? editMilestone(projectId, milestone.id, body) : addMilestone(projectId, body),
    onSuccess: () => {
      toast.show(t(milestone ? 'govProjectStaff.milestoneSaved' : 'govProjectStaff.milestoneAdded'));
      if (!milestone) form.reset({ title: '', titleEn: '', dueOn: seoulToday() });
      refresh();
      onDone?.();
    },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      {!milestone && <h3>{t('govProjectStaff.newMilestone')}</h3>}
      <TextField
        label={t('govProjectStaff.milestoneTitle')}
        required
        maxLength={200}
        error={errorOf(errors, 'title')}
        {...form.register('title')}
      />
      <TextField
        label={t('govProjectStaff.milestoneTitleEn')}
        hint={t('govProjectStaff.milestoneTitleEnHint')}
        maxLength={200}
        lang="en"
        error={errorOf(errors, 'titleEn')}
        {...form.register('titleEn')}
      />
      <TextField
        type="date"
        label={t('govProjectStaff.milestoneDue')}
        required
        error={errorOf(errors, 'dueOn')}
        {...form.register('dueOn')}
      />
      <SubmitButton
        mutation={mutation}
        label={t(milestone ? 'govProjectStaff.saveMilestone' : 'govProjectStaff.addMilestone')}
      />
      {milestone && onDone && (
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('govProjectStaff.cancel')}
        </Button>
      )}
    </form>
  );
}

/** The tools under one milestone: done on a day or not done, edit, remove. */
export function MilestoneTools({ projectId, milestone: m }: { projectId: string; milestone: Milestone }) {
  const { t, i18n } = useTranslation();
  const title = shownTitle(m, i18n.language);
  const toast = useToast();
  const refresh = useRefresh(projectId);
  const [day, setDay] = useState(seoulToday());
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const tick = useMutation({
    mutationFn: (done: boolean) => setMilestoneDone(projectId, m.id, done ? { done, doneOn: day } : { done }),
    onSuccess: (row) => {
      toast.show(
        t(row.done ? 'govProjectStaff.ticked' : 'govProjectStaff.unticked', {
          title: shownTitle(row, i18n.language),
        }),
      );
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => removeMilestone(projectId, m.id),
    onSuccess: () => {
      setConfirming(false);
      toast.show(t('govProjectStaff.removed', { title }));
      refresh();
    },
  });
  if (editing) return <MilestoneForm projectId={projectId} milestone={m} onDone={() => setEditing(false)} />;
  return (
    <div className="milestone-tools">
      {m.done ? (
        <Button
          variant="secondary"
          disabled={tick.isPending}
          onClick={() => tick.mutate(false)}
          aria-label={t('govProjectStaff.untickNamed', { title })}
        >
          {t('govProjectStaff.untick')}
        </Button>
      ) : (
        <>
          <TextField
            type="date"
            label={t('govProjectStaff.doneOnNamed', { title })}
            value={day}
            max={seoulToday()}
            onChange={(e) => setDay(e.target.value)}
          />
          <Button
            disabled={tick.isPending || !day}
            onClick={() => tick.mutate(true)}
            aria-label={t('govProjectStaff.tickNamed', { title })}
          >
            {t('govProjectStaff.tick')}
          </Button>
        </>
      )}
      <Button
        variant="secondary"
        onClick={() => setEditing(true)}
        aria-label={t('govProjectStaff.editNamed', { title })}
      >
        {t('govProjectStaff.edit')}
      </Button>
      <Button
        variant="secondary"
        onClick={() => setConfirming(true)}
        aria-label={t('govProjectStaff.removeNamed', { title })}
      >
        {t('govProjectStaff.remove')}
      </Button>
      {tick.isError && <MutationAlert mutation={tick} />}
      <ConfirmDialog
        open={confirming}
        danger
        busy={remove.isPending}
        title={t('govProjectStaff.removeTitle', { title })}
        message={t('govProjectStaff.removeText')}
        confirmLabel={t('govProjectStaff.remove')}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      />
      {remove.isError && <MutationAlert mutation={remove} />}
    </div>
  );
}
