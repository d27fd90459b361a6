import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProjectBody } from '../../../../../contracts/governance-projects.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { createProject, projectKeys } from './api.ts';
import { seoulToday } from './GroupForms.tsx';
import './messages.ts';
import './staff.messages.ts';
import './projects.css';

// /governance/staff/projects/new (from the staff home and the project list) — staff register a
// governance project: name, lead department, budget in thousand won, year and description. It starts
// before execution at 0%; progress, milestones and members are set on its own pages afterwards.
export default function StaffProjectForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm(ProjectBody, {
    defaultValues: {
      title: '',
      summary: '',
      department: '',
      year: Number(seoulToday().slice(0, 4)),
      budget: 0,
      spent: 0,
      status: 'before',
      progress: 0,
    },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: ProjectBody) => createProject(body),
    onSuccess: (project) => {
      toast.show(t('govProjectStaff.created'));
      void queryClient.invalidateQueries({ queryKey: projectKeys.all, exact: true });
      void navigate(`/governance/projects/${project.id}`);
    },
  });
  const errors = form.formState.errors;
  const asNumber = { setValueAs: (v: unknown) => (v === '' ? Number.NaN : Number(v)) };
  return (
    <Page
      title={t('govProjectStaff.newProject')}
      lead={t('govProjectStaff.newProjectLead')}
      crumbs={[
        { to: '/governance', label: t('govProject.governance') },
        { to: '/governance/projects', label: t('govProject.title') },
      ]}
    >
      <form onSubmit={onSubmit} noValidate className="group-form">
        <TextField
          label={t('govProjectStaff.projectTitle')}
          required
          maxLength={120}
          error={errorOf(errors, 'title')}
          {...form.register('title')}
        />
        <TextField
          label={t('govProjectStaff.department')}
          required
          maxLength={60}
          error={errorOf(errors, 'department')}
          {...form.register('department')}
        />
        <TextField
          type="number"
          inputMode="numeric"
          min={0}
          label={t('govProjectStaff.budget')}
          hint={t('govProjectStaff.budgetHint')}
          required
          error={errorOf(errors, 'budget')}
          {...form.register('budget', asNumber)}
        />
        <TextField
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          label={t('govProjectStaff.year')}
          required
          error={errorOf(errors, 'year')}
          {...form.register('year', asNumber)}
        />
        <TextArea
          label={t('govProjectStaff.summary')}
          rows={5}
          maxLength={2000}
          error={errorOf(errors, 'summary')}
          {...form.register('summary')}
        />
        {mutation.isError && <MutationAlert mutation={mutation} />}
        <Button type="submit" disabled={mutation.isPending}>
          {t('govProjectStaff.create')}
        </Button>
      </form>
    </Page>
  );
}
