import { type RefCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import type { PolicyDraft } from './policy-draft.ts';

type Round = PolicyDraft['rounds'][number];

// The application rounds (신청 기간): one or more date ranges, each added or removed on its own.
export function RoundsField({
  rounds,
  onChange,
  error,
  ref,
}: {
  /** The first date (or the add button when there is none), so a form can focus the rounds in error. */
  ref?: RefCallback<HTMLElement>;
  rounds: Round[];
  onChange: (next: Round[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = (i: number, key: keyof Round, value: string) =>
    onChange(rounds.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <fieldset
      className={`pref${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{t('youthStaff.form.rounds')}</legend>
      {rounds.length === 0 && <p className="note">{t('youthStaff.form.roundsNone')}</p>}
      {rounds.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rounds have no identity of their own while edited
        <div key={i} className="staff-round">
          <TextField
            ref={i === 0 ? ref : undefined}
            type="date"
            label={t('youthStaff.form.roundStart', { n: i + 1 })}
            value={r.startsOn}
            onChange={(e) => set(i, 'startsOn', e.target.value)}
          />
          <TextField
            type="date"
            label={t('youthStaff.form.roundEnd', { n: i + 1 })}
            value={r.endsOn}
            onChange={(e) => set(i, 'endsOn', e.target.value)}
          />
          <Button variant="tertiary" onClick={() => onChange(rounds.filter((_, j) => j !== i))}>
            {t('youthStaff.form.roundRemove', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <div className="button-row">
        <Button
          ref={rounds.length === 0 ? ref : undefined}
          variant="secondary"
          onClick={() => onChange([...rounds, { startsOn: '', endsOn: '' }])}
        >
          {t('youthStaff.form.roundAdd')}
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
