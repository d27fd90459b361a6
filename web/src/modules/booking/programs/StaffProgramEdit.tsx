import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { ROLE_NAMES } from '../../../../../contracts/auth.ts';
import {
  PROGRAM_AREAS,
  PROGRAM_KINDS,
  ProgramBody,
  REGISTRATION_MODES,
} from '../../../../../contracts/booking-programs.ts';
import type { StaffProgramEdit } from '../../../../../contracts/booking-programs-staff.ts';
import { api } from '../../../api/client.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox, SelectField, TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { usePlaces } from '../api.ts';
import '../booking.css';
import '../../../platform/staff/messages.ts';
import './admin-messages.ts';
import './messages.ts';
import './programs.css';

// Staff create a program, or edit one with its sessions (add, change, remove). The form checks the
// contract's rules (ProgramBody) before sending, with a message under each field in the page's
// language; what the server still refuses lands on the same fields. Times are typed in Korea time.

const staffProgramUrl = (id: string) => `/api/v1/booking/staff/programs/${encodeURIComponent(id)}`;
const KST_MS = 9 * 3_600_000;
/** An instant as the value of a datetime-local field in Korea time (no summer time there). */
const toLocal = (iso: string) => new Date(Date.parse(iso) + KST_MS).toISOString().slice(0, 16);
/** A datetime-local value read as Korea time; an empty field stays empty (the contract says so). */
const fromLocal = (v: string) => (v ? `${v}:00+09:00` : v);
/** An empty number field (NaN) is "none" for optional numbers, "missing" for required ones. */
const optionalNumber = (n: number) => (Number.isNaN(n) ? null : n);
const requiredNumber = (n: number) => (Number.isNaN(n) ? undefined : n);

/** A number field as valueAsNumber reads it: NaN when left empty. */
const typedNumber = z.union([z.number(), z.nan()]);
const SessionValues = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  resourceId: z.string(),
  address: z.string(),
  online: z.boolean(),
});
const FormValues = z.object({
  area: z.string(),
  kind: z.string(),
  titleKo: z.string(),
  titleEn: z.string(),
  descriptionKo: z.string(),
  descriptionEn: z.string(),
  minAge: typedNumber,
  maxAge: typedNumber,
  residentsOnly: z.boolean(),
  role: z.string(),
  mode: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  capacity: typedNumber,
  completionPercent: typedNumber,
  offerHours: typedNumber,
  sessions: z.array(SessionValues),
});
type FormValues = z.infer<typeof FormValues>;

/** The form's values as the contract's body: field names are the same, so errors land in place. */
const formSchema = (code: string) =>
  FormValues.transform(
    // The contract checks every value next (a missing capacity reads "required"), so the shape is cast.
    (v) =>
      ({
        ...v,
        code,
        minAge: optionalNumber(v.minAge),
        maxAge: optionalNumber(v.maxAge),
        completionPercent: optionalNumber(v.completionPercent),
        capacity: requiredNumber(v.capacity),
        offerHours: requiredNumber(v.offerHours),
        role: v.role || null,
        opensAt: fromLocal(v.opensAt),
        closesAt: fromLocal(v.closesAt),
        sessions: v.sessions.map((s) => ({
          ...s,
          resourceId: s.resourceId || null,
          startsAt: fromLocal(s.startsAt),
          endsAt: fromLocal(s.endsAt),
        })),
      }) as unknown as z.input<typeof ProgramBody>,
  ).pipe(ProgramBody);

const emptySession = { startsAt: '', endsAt: '', resourceId: '', address: '', online: false };

function valuesOf(p: StaffProgramEdit | undefined): FormValues {
  if (!p)
    return {
      area: 'youth',
      kind: 'course',
      titleKo: '',
      titleEn: '',
      descriptionKo: '',
      descriptionEn: '',
      minAge: Number.NaN,
      maxAge: Number.NaN,
      residentsOnly: false,
      role: '',
      mode: 'first_come',
      opensAt: '',
      closesAt: '',
      capacity: Number.NaN,
      completionPercent: Number.NaN,
      offerHours: 48,
      sessions: [emptySession],
    };
  return {
    area: p.area,
    kind: p.kind,
    titleKo: p.titleKo,
    titleEn: p.titleEn,
    descriptionKo: p.descriptionKo,
    descriptionEn: p.descriptionEn,
    minAge: p.minAge ?? Number.NaN,
    maxAge: p.maxAge ?? Number.NaN,
    residentsOnly: p.residentsOnly,
    role: p.role ?? '',
    mode: p.mode,
    opensAt: toLocal(p.opensAt),
    closesAt: toLocal(p.closesAt),
    capacity: p.capacity,
    completionPercent: p.completionPercent ?? Number.NaN,
    offerHours: p.offerHours,
    sessions: p.sessions.map((s) => ({
      startsAt: toLocal(s.startsAt),
      endsAt: toLocal(s.endsAt),
      resourceId: s.resourceId ?? '',
      address: s.address,
      online: s.online,
    })),
  };
}

/** A new program's code: the contract needs one (unique per organization); people never see it. */
const newCode = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return `p-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
};

export default function StaffProgramEditPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('programs.staff.title')} roles={['staff', 'admin']}>
      {() => <ProgramEdit />}
    </RequireSignIn>
  );
}

function ProgramEdit() {
  const { t } = useTranslation();
  const { id } = useParams();
  const program = useQuery({
    enabled: Boolean(id),
    queryKey: ['booking', 'staff', 'program-edit', id],
    queryFn: () => api<StaffProgramEdit>(staffProgramUrl(id ?? '')),
  });
  const crumbs = [
    { to: '/staff', label: t('staffHome.title') },
    { to: '/booking/staff/programs', label: t('programs.staff.title') },
  ];
  if (!id)
    return (
      <Page title={t('programAdmin.newTitle')} lead={t('programAdmin.lead')} crumbs={crumbs}>
        <ProgramForm />
      </Page>
    );
  return (
    <QueryState query={program} loading={{ cards: 2 }}>
      {(p) => (
        <Page
          title={t('programAdmin.editTitle', { title: p.titleKo })}
          lead={t('programAdmin.lead')}
          crumbs={[...crumbs, { to: `/booking/staff/programs/${p.id}`, label: p.titleKo }]}
        >
          <ProgramForm program={p} />
        </Page>
      )}
    </QueryState>
  );
}

function ProgramForm({ program }: { program?: StaffProgramEdit }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const places = usePlaces();
  const schema = useMemo(() => formSchema(program?.code ?? newCode()), [program?.code]);
  const form = useZodForm(schema, { defaultValues: valuesOf(program) });
  const sessions = useFieldArray({ control: form.control, name: 'sessions' });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: ProgramBody) =>
      program
        ? api<{ id: string }>(staffProgramUrl(program.id), { method: 'PUT', body })
        : api<{ id: string }>('/api/v1/booking/staff/programs', { method: 'POST', body }),
    onSuccess: ({ id }) => {
      toast.show(t(program ? 'programAdmin.saved' : 'programAdmin.created'));
      navigate(`/booking/staff/programs/${id}`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  const errors = form.formState.errors;
  const err = (name: string) => errorOf(errors, name);
  const rooms = (places.data?.items ?? []).flatMap((pl) =>
    pl.resources.filter((r) => r.kind === 'room').map((r) => ({ id: r.id, label: `${pl.name} · ${r.name}` })),
  );
  const watched = form.watch('sessions');
  return (
    <form onSubmit={onSubmit} className="form program-form" noValidate>
      <MutationAlert mutation={mutation} />
      <fieldset className="program-fieldset">
        <legend>{t('programAdmin.basics')}</legend>
        <SelectField label={t('programAdmin.area')} required error={err('area')} {...form.register('area')}>
          {PROGRAM_AREAS.map((a) => (
            <option key={a} value={a}>
              {t(`programs.areas.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('programAdmin.kind')} required error={err('kind')} {...form.register('kind')}>
          {PROGRAM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`programs.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('programAdmin.titleKo')}
          required
          maxLength={120}
          error={err('titleKo')}
          {...form.register('titleKo')}
        />
        <TextField
          label={t('programAdmin.titleEn')}
          required
          maxLength={120}
          lang="en"
          error={err('titleEn')}
          {...form.register('titleEn')}
        />
        <TextArea
          label={t('programAdmin.descriptionKo')}
          rows={4}
          maxLength={4000}
          error={err('descriptionKo')}
          {...form.register('descriptionKo')}
        />
        <TextArea
          label={t('programAdmin.descriptionEn')}
          rows={4}
          maxLength={4000}
          lang="en"
          error={err('descriptionEn')}
          {...form.register('descriptionEn')}
        />
      </fieldset>

      <fieldset className="program-fieldset">
        <legend>{t('programAdmin.registration')}</legend>
        {program?.modeLocked ? (
          // The mode stays as stored (the form keeps its default value); changing it is refused anyway.
          <p>
            <strong>{t('programAdmin.mode')}</strong>: {t(`programAdmin.modes.${program.mode}`)}
            <br />
            <span className="note">{t('programAdmin.modeLocked')}</span>
          </p>
        ) : (
          <SelectField label={t('programAdmin.mode')} required error={err('mode')} {...form.register('mode')}>
            {REGISTRATION_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`programAdmin.modes.${m}`)}
              </option>
            ))}
          </SelectField>
        )}
        <div className="program-pair">
          <TextField
            label={t('programAdmin.opensAt')}
            type="datetime-local"
            required
            error={err('opensAt')}
            {...form.register('opensAt')}
          />
          <TextField
            label={t('programAdmin.closesAt')}
            type="datetime-local"
            required
            error={err('closesAt')}
            {...form.register('closesAt')}
          />
        </div>
        <div className="program-pair">
          <TextField
            label={t('programAdmin.capacity')}
            type="number"
            inputMode="numeric"
            min={1}
            required
            error={err('capacity')}
            {...form.register('capacity', { valueAsNumber: true })}
          />
          <TextField
            label={t('programAdmin.offerHours')}
            hint={t('programAdmin.offerHoursHint')}
            type="number"
            inputMode="numeric"
            min={1}
            required
            error={err('offerHours')}
            {...form.register('offerHours', { valueAsNumber: true })}
          />
        </div>
      </fieldset>

      <fieldset className="program-fieldset">
        <legend>{t('programAdmin.eligibility')}</legend>
        <div className="program-pair">
          <TextField
            label={t('programAdmin.minAge')}
            type="number"
            inputMode="numeric"
            error={err('minAge')}
            {...form.register('minAge', { valueAsNumber: true })}
          />
          <TextField
            label={t('programAdmin.maxAge')}
            type="number"
            inputMode="numeric"
            error={err('maxAge')}
            {...form.register('maxAge', { valueAsNumber: true })}
          />
        </div>
        <Checkbox label={t('programAdmin.residentsOnly')} {...form.register('residentsOnly')} />
        <SelectField label={t('programAdmin.role')} error={err('role')} {...form.register('role')}>
          <option value="">{t('programAdmin.anyRole')}</option>
          {ROLE_NAMES.filter((r) => r !== 'staff' && r !== 'admin' && r !== 'kiosk').map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('programAdmin.completionPercent')}
          type="number"
          inputMode="numeric"
          error={err('completionPercent')}
          {...form.register('completionPercent', { valueAsNumber: true })}
        />
      </fieldset>

      <fieldset className="program-fieldset">
        <legend>{t('programAdmin.sessions')}</legend>
        <p className="note">{t('programAdmin.sessionsHint')}</p>
        {err('sessions') && (
          <p className="field-error" role="alert">
            {err('sessions')}
          </p>
        )}
        <ol className="program-sessions">
          {sessions.fields.map((field, i) => {
            const n = i + 1;
            return (
              <li key={field.id} className="program-session">
                <h3>{t('programAdmin.session', { n })}</h3>
                <div className="program-pair">
                  <TextField
                    label={t('programAdmin.startsAt', { n })}
                    type="datetime-local"
                    required
                    error={err(`sessions.${i}.startsAt`)}
                    {...form.register(`sessions.${i}.startsAt`)}
                  />
                  <TextField
                    label={t('programAdmin.endsAt', { n })}
                    type="datetime-local"
                    required
                    error={err(`sessions.${i}.endsAt`)}
                    {...form.register(`sessions.${i}.endsAt`)}
                  />
                </div>
                <SelectField
                  label={t('programAdmin.room', { n })}
                  error={err(`sessions.${i}.resourceId`)}
                  {...form.register(`sessions.${i}.resourceId`)}
                >
                  <option value="">{t('programAdmin.noRoom')}</option>
                  {rooms.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </SelectField>
                {!watched[i]?.resourceId && (
                  <TextField
                    label={t('programAdmin.address', { n })}
                    maxLength={200}
                    error={err(`sessions.${i}.address`)}
                    {...form.register(`sessions.${i}.address`)}
                  />
                )}
                <Checkbox
                  label={t('programAdmin.online', { n })}
                  {...form.register(`sessions.${i}.online`)}
                />
                {sessions.fields.length > 1 && (
                  <Button variant="tertiary" onClick={() => sessions.remove(i)}>
                    {t('programAdmin.removeSession', { n })}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
        {sessions.fields.length < 100 && (
          <Button variant="secondary" onClick={() => sessions.append({ ...emptySession })}>
            {t('programAdmin.addSession')}
          </Button>
        )}
      </fieldset>
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {t('programAdmin.save')}
        </Button>
      </div>
    </form>
  );
}
