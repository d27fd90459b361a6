import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AUDIENCES } from '../../../../contracts/booking.ts';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import './resources-admin-messages.ts';

/** The numeric booking rules, in the order staff read them, with the hint some of them carry. */
export const RULE_NUMBERS = [
  ['capacity', ''],
  ['slotMinutes', 'slotHint'],
  ['maxMinutesPerDay', 'dayHint'],
  ['maxBookingsPerWeek', ''],
  ['opensDaysAhead', ''],
  ['closesMinutesBefore', ''],
  ['cancelDeadlineMinutes', ''],
  ['noShowMinutes', ''],
] as const;
export type RuleNumber = (typeof RULE_NUMBERS)[number][0];

/**
 * A room's booking rules as fields: who may book, the numbers, whether staff approve. Shared by the
 * rules page and the page that adds a room; each passes its own form's registered fields.
 */
export function RuleFields({
  audience,
  number,
  approval,
}: {
  audience: { field: UseFormRegisterReturn; error: string | undefined };
  number: (name: RuleNumber) => { field: UseFormRegisterReturn; error: string | undefined };
  approval: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField label={t('bookingAdmin.audience')} required error={audience.error} {...audience.field}>
        {AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {t(`booking.audience.${a}`)}
          </option>
        ))}
      </SelectField>
      {RULE_NUMBERS.map(([name, hint]) => {
        const { field, error } = number(name);
        return (
          <TextField
            key={name}
            label={t(`bookingAdmin.${name}`)}
            hint={hint ? t(`bookingAdmin.${hint}`) : undefined}
            type="number"
            inputMode="numeric"
            required
            error={error}
            {...field}
          />
        );
      })}
      <Checkbox label={t('bookingAdmin.approvalNeeded')} {...approval} />
    </>
  );
}
