import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RESOURCE_KINDS, type Resource } from '../../../../contracts/booking.ts';
import { ResourceCreateBody } from '../../../../contracts/booking-resources-lifecycle.ts';
import { api } from '../../api/client.ts';
import { errorOf, useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { usePlaces } from './api.ts';
import { RuleFields } from './RuleFields.tsx';
import './booking.css';
import './messages.ts';
import './resources-admin-messages.ts';
import './resources-lifecycle-messages.ts';
import './staff-resources.css';

// Staff add a room, desk or vehicle to a place with its booking rules (the same rules and messages
// as the rules page); it is bookable as soon as it is saved.

export default function StaffResourceNewPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('resourceLife.newTitle')} roles={['staff', 'admin']}>
      {() => <ResourceNew />}
    </RequireSignIn>
  );
}

function ResourceNew() {
  const { t } = useTranslation();
  const places = usePlaces();
  return (
    <Page
      title={t('resourceLife.newTitle')}
      lead={t('resourceLife.newLead')}
      crumbs={[
        { to: '/staff', label: t('shell.staffHome') },
        { to: '/booking/staff/resources', label: t('bookingAdmin.title') },
      ]}
    >
      <QueryState query={places}>
        {(data) => <ResourceForm places={data.items.map((p) => ({ id: p.id, name: p.name }))} />}
      </QueryState>
    </Page>
  );
}

function ResourceForm({ places }: { places: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm(ResourceCreateBody, {
    defaultValues: {
      placeId: places[0]?.id ?? '',
      nameKo: '',
      nameEn: '',
      kind: 'room',
      rules: {
        audience: 'residents',
        capacity: 6,
        slotMinutes: 60,
        maxMinutesPerDay: 180,
        maxBookingsPerWeek: 2,
        opensDaysAhead: 30,
        closesMinutesBefore: 60,
        approvalNeeded: false,
        cancelDeadlineMinutes: 60,
        noShowMinutes: 10,
      },
    },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: ResourceCreateBody) =>
      api<Resource>('/api/v1/booking/staff/resources', { method: 'POST', body }),
    onSuccess: (r) => {
      toast.show(t('resourceLife.created', { name: r.name }));
      navigate('/booking/staff/resources');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <MutationAlert mutation={mutation} />
      <SelectField
        label={t('resourceLife.place')}
        required
        error={errorOf(errors, 'placeId')}
        {...form.register('placeId')}
      >
        {places.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('resourceLife.nameKo')}
        required
        maxLength={80}
        error={errorOf(errors, 'nameKo')}
        {...form.register('nameKo')}
      />
      <TextField
        label={t('resourceLife.nameEn')}
        required
        maxLength={80}
        lang="en"
        error={errorOf(errors, 'nameEn')}
        {...form.register('nameEn')}
      />
      <SelectField
        label={t('resourceLife.kind')}
        required
        error={errorOf(errors, 'kind')}
        {...form.register('kind')}
      >
        {RESOURCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`booking.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <fieldset className="hours-day">
        <legend>{t('resourceLife.rules')}</legend>
        <RuleFields
          audience={{ field: form.register('rules.audience'), error: errorOf(errors, 'rules.audience') }}
          number={(name) => ({
            field: form.register(`rules.${name}`, { valueAsNumber: true }),
            error: errorOf(errors, `rules.${name}`),
          })}
          approval={form.register('rules.approvalNeeded')}
        />
      </fieldset>
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {t('resourceLife.create')}
        </Button>
      </div>
    </form>
  );
}
