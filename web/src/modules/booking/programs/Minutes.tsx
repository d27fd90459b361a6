import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MINUTES_MAX, MinutesBody, type Program } from '../../../../../contracts/booking-programs.ts';
import { api } from '../../../api/client.ts';
import { useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { TextArea } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import './minutes-messages.ts';

// A held town hall's or forum's outcome: read on the program page, written by staff on theirs.

export function ProgramMinutes({ program: p }: { program: Program }) {
  const { t, i18n } = useTranslation();
  if (!p.minutes || !p.minutesPublishedAt) return null;
  // The reader's language; English readers without English minutes get the Korean ones, marked.
  const english = i18n.language.startsWith('en');
  const koreanOnly = english && !p.minutesEn;
  return (
    <section className="card" aria-labelledby="program-minutes">
      <h2 id="program-minutes">{t('programMinutes.title')}</h2>
      <p className="note">{t('programMinutes.published', { at: formatDateTime(p.minutesPublishedAt) })}</p>
      {koreanOnly && <p className="note">{t('programMinutes.koreanOnly')}</p>}
      {english && p.minutesEn ? (
        <p className="program-minutes">{p.minutesEn}</p>
      ) : (
        <p className="program-minutes" lang="ko">
          {p.minutes}
        </p>
      )}
    </section>
  );
}

export function MinutesForm({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const held = p.firstSession !== null && Date.parse(p.firstSession) <= Date.now();
  const form = useZodForm(MinutesBody, {
    defaultValues: { minutes: p.minutes ?? '', minutesEn: p.minutesEn ?? '' },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: MinutesBody) =>
      api(`/api/v1/booking/staff/programs/${encodeURIComponent(p.id)}/minutes`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['booking', 'program', p.id] }),
  });
  return (
    <section className="card" aria-labelledby="staff-minutes">
      <h2 id="staff-minutes">{t('programMinutes.staffTitle')}</h2>
      {held ? (
        <form onSubmit={onSubmit} className="form" noValidate>
          <p>{t('programMinutes.staffLead')}</p>
          <p className="note">{t('programMinutes.notifyNote')}</p>
          <MutationAlert mutation={mutation} success={t('programMinutes.done')} />
          <TextArea
            label={t('programMinutes.label')}
            required
            rows={8}
            maxLength={MINUTES_MAX}
            error={form.formState.errors.minutes?.message}
            {...form.register('minutes')}
          />
          <TextArea
            label={t('programMinutes.labelEn')}
            hint={t('programMinutes.hintEn')}
            rows={6}
            maxLength={MINUTES_MAX}
            lang="en"
            error={form.formState.errors.minutesEn?.message}
            {...form.register('minutesEn')}
          />
          <div className="button-row">
            <Button type="submit" disabled={mutation.isPending}>
              {p.minutes ? t('programMinutes.update') : t('programMinutes.publish')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="note">{t('programMinutes.notYet')}</p>
      )}
    </section>
  );
}
