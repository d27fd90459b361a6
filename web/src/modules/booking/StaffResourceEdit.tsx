import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import type { Resource } from '../../../../contracts/booking.ts';
import {
  ClosedDatesBody,
  type PlaceHoursBody,
  ResourceRulesBody,
  type StaffPlace,
  WeekdayHours,
} from '../../../../contracts/booking-admin.ts';
import { api } from '../../api/client.ts';
import { fieldIssueMessage } from '../../forms/field-issue.ts';
import { errorOf, useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { dayLabel } from './format.ts';
import { StaffPhotos } from './Photos.tsx';
import { ResourceRetire } from './ResourceRetire.tsx';
import { RuleFields } from './RuleFields.tsx';
import './booking.css';
import './messages.ts';
import './resources-admin-messages.ts';
import './staff-resources.css';

// Staff edit one resource's booking rules, or one place's week of hours and its closed dates. Both
// forms check the contracts' rules before sending; the server checks them again. Saving refreshes
// every booking query, so the resident's page shows the new rules at once.

const resourceUrl = (id: string) => `/api/v1/booking/staff/resources/${encodeURIComponent(id)}`;
const placeUrl = (id: string) => `/api/v1/booking/staff/places/${encodeURIComponent(id)}`;

const crumbsOf = (t: (k: string) => string) => [
  { to: '/staff', label: t('shell.staffHome') },
  { to: '/booking/staff/resources', label: t('bookingAdmin.title') },
];

export default function StaffResourceEditPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('bookingAdmin.title')} roles={['staff', 'admin']}>
      {() => <ResourceRules />}
    </RequireSignIn>
  );
}

type Rules = z.input<typeof ResourceRulesBody>;

function ResourceRules() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const resource = useQuery({
    queryKey: ['booking', 'staff', 'rules', id, i18n.language],
    queryFn: () => api<Resource>(resourceUrl(id)),
  });
  return (
    <Page
      title={
        resource.data ? t('bookingAdmin.rulesTitle', { name: resource.data.name }) : t('bookingAdmin.title')
      }
      crumbs={crumbsOf(t)}
      lead={t('bookingAdmin.rulesLead')}
    >
      <QueryState query={resource}>
        {(r) => (
          <>
            <RulesForm resource={r} />
            <StaffPhotos owner="resource" id={r.id} />
            <ResourceRetire resource={r} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function RulesForm({ resource }: { resource: Resource }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const defaults: Rules = {
    audience: resource.audience,
    capacity: resource.capacity,
    slotMinutes: resource.slotMinutes,
    maxMinutesPerDay: resource.maxMinutesPerDay,
    maxBookingsPerWeek: resource.maxBookingsPerWeek,
    opensDaysAhead: resource.opensDaysAhead,
    closesMinutesBefore: resource.closesMinutesBefore,
    approvalNeeded: resource.approvalNeeded,
    cancelDeadlineMinutes: resource.cancelDeadlineMinutes,
    noShowMinutes: resource.noShowMinutes,
  };
  const form = useZodForm(ResourceRulesBody, { defaultValues: defaults });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: ResourceRulesBody) => api<Resource>(resourceUrl(resource.id), { method: 'PUT', body }),
    onSuccess: () => toast.show(t('bookingAdmin.saved')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <MutationAlert mutation={mutation} />
      <RuleFields
        audience={{ field: form.register('audience'), error: errorOf(errors, 'audience') }}
        number={(name) => ({
          field: form.register(name, { valueAsNumber: true }),
          error: errorOf(errors, name),
        })}
        approval={form.register('approvalNeeded')}
      />
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {t('bookingAdmin.save')}
        </Button>
      </div>
    </form>
  );
}

export function StaffPlaceEditPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('bookingAdmin.title')} roles={['staff', 'admin']}>
      {() => <PlaceEdit />}
    </RequireSignIn>
  );
}

function PlaceEdit() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const place = useQuery({
    queryKey: ['booking', 'staff', 'place', id, i18n.language],
    queryFn: () => api<StaffPlace>(placeUrl(id)),
  });
  return (
    <Page
      title={place.data ? t('bookingAdmin.placeTitle', { name: place.data.name }) : t('bookingAdmin.title')}
      crumbs={crumbsOf(t)}
      lead={t('bookingAdmin.placeLead')}
    >
      <QueryState query={place}>
        {(p) => (
          <>
            <HoursForm place={p} />
            <ClosedDates place={p} />
            <StaffPhotos owner="place" id={p.id} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** A weekday's row on the form: open or not, and its hours (kept while unticked, for ticking again). */
const DayRow = z
  .object({ weekday: z.number(), open: z.boolean(), opens: z.string(), closes: z.string() })
  .superRefine((d, ctx) => {
    if (!d.open) return;
    const checked = WeekdayHours.safeParse(
      { weekday: d.weekday, opens: d.opens, closes: d.closes },
      { error: fieldIssueMessage },
    );
    if (!checked.success)
      for (const issue of checked.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
const HoursFormSchema = z.object({ days: z.array(DayRow) }).transform(
  (v): PlaceHoursBody => ({
    hours: v.days
      .filter((d) => d.open)
      .map((d) => ({ weekday: d.weekday, opens: d.opens, closes: d.closes })),
  }),
);

function HoursForm({ place }: { place: StaffPlace }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const names = t('booking.weekdays', { returnObjects: true }) as string[];
  // Monday first, as people read a week; Sunday (0) last.
  const order = [1, 2, 3, 4, 5, 6, 0];
  const form = useZodForm(HoursFormSchema, {
    defaultValues: {
      days: order.map((weekday) => {
        const h = place.hours.find((x) => x.weekday === weekday);
        return { weekday, open: h !== undefined, opens: h?.opens ?? '09:00', closes: h?.closes ?? '18:00' };
      }),
    },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: PlaceHoursBody) =>
      api<StaffPlace>(`${placeUrl(place.id)}/hours`, { method: 'PUT', body }),
    onSuccess: () => toast.show(t('bookingAdmin.saved')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  const errors = form.formState.errors;
  const days = form.watch('days');
  return (
    <section aria-labelledby="hours-title" className="section">
      <h2 id="hours-title">{t('bookingAdmin.hoursTitle')}</h2>
      <form onSubmit={onSubmit} className="form" noValidate>
        <MutationAlert mutation={mutation} />
        {order.map((weekday, i) => {
          const day = names[weekday];
          return (
            <fieldset key={weekday} className="hours-day">
              <legend>{day}</legend>
              <Checkbox label={t('bookingAdmin.openThatDay', { day })} {...form.register(`days.${i}.open`)} />
              {days[i]?.open && (
                <div className="hours-times">
                  <TextField
                    label={t('bookingAdmin.opens', { day })}
                    type="time"
                    required
                    error={errorOf(errors, `days.${i}.opens`)}
                    {...form.register(`days.${i}.opens`)}
                  />
                  <TextField
                    label={t('bookingAdmin.closes', { day })}
                    type="time"
                    required
                    error={errorOf(errors, `days.${i}.closes`)}
                    {...form.register(`days.${i}.closes`)}
                  />
                </div>
              )}
            </fieldset>
          );
        })}
        <div className="button-row">
          <Button type="submit" disabled={mutation.isPending}>
            {t('bookingAdmin.saveHours')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ClosedDates({ place }: { place: StaffPlace }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: ['booking'] });
  const form = useZodForm(ClosedDatesBody, {
    defaultValues: { from: '', to: '', reasonKo: '', reasonEn: '' },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: ClosedDatesBody) =>
      api<StaffPlace>(`${placeUrl(place.id)}/closed-dates`, { method: 'POST', body }),
    onSuccess: () => {
      toast.show(t('bookingAdmin.added'));
      form.reset();
    },
    onSettled: settle,
  });
  const reopen = useMutation({
    mutationFn: (date: string) =>
      api<{ ok: true }>(`${placeUrl(place.id)}/closed-dates/${date}`, { method: 'DELETE' }),
    onSuccess: () => toast.show(t('bookingAdmin.reopened')),
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: settle,
  });
  const errors = form.formState.errors;
  return (
    <section aria-labelledby="closed-title" className="section">
      <h2 id="closed-title">{t('bookingAdmin.closedTitle')}</h2>
      {place.closedDates.length === 0 ? (
        <p className="note">{t('bookingAdmin.closedNone')}</p>
      ) : (
        <ul className="closed-list">
          {place.closedDates.map((c) => {
            const day = dayLabel(c.date, i18n.language);
            return (
              <li key={c.date}>
                <span>
                  <strong>{day}</strong> {i18n.language === 'en' ? c.reasonEn : c.reasonKo}
                </span>
                <Button variant="tertiary" disabled={reopen.isPending} onClick={() => reopen.mutate(c.date)}>
                  {t('bookingAdmin.reopen', { day })}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {place.more && <p className="note">{t('bookingAdmin.closedMore')}</p>}
      <h3>{t('bookingAdmin.addClosed')}</h3>
      <form onSubmit={onSubmit} className="form" noValidate>
        <MutationAlert mutation={mutation} />
        <TextField
          label={t('bookingAdmin.from')}
          type="date"
          required
          error={errorOf(errors, 'from')}
          {...form.register('from')}
        />
        <TextField
          label={t('bookingAdmin.to')}
          hint={t('bookingAdmin.toHint')}
          type="date"
          required
          error={errorOf(errors, 'to')}
          {...form.register('to')}
        />
        <TextField
          label={t('bookingAdmin.reasonKo')}
          hint={t('bookingAdmin.reasonHint')}
          required
          maxLength={100}
          error={errorOf(errors, 'reasonKo')}
          {...form.register('reasonKo')}
        />
        <TextField
          label={t('bookingAdmin.reasonEn')}
          required
          maxLength={100}
          error={errorOf(errors, 'reasonEn')}
          {...form.register('reasonEn')}
        />
        <div className="button-row">
          <Button type="submit" disabled={mutation.isPending}>
            {t('bookingAdmin.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
