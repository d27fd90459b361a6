import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PROPOSAL_CATEGORIES, type ProposalBody } from '../../../../../contracts/governance-proposals.ts';
import { errorOf } from '../../../forms/useZodForm.ts';
import { SelectField, TextArea, TextField } from '../../../ui/Field.tsx';

/**
 * A proposal's text, category and place, as the new-proposal form and the author's edit form
 * (ProposalAuthorTools.tsx) both ask for them; the title stays with each form (its hint differs).
 */
export function ProposalFields({
  form,
  bodyHint,
}: {
  form: UseFormReturn<z.input<typeof ProposalBody>, unknown, ProposalBody>;
  bodyHint?: string;
}) {
  const { t } = useTranslation();
  const errors = form.formState.errors;
  return (
    <>
      <TextArea
        label={t('process.fBody')}
        hint={bodyHint}
        error={errorOf(errors, 'body')}
        rows={8}
        maxLength={6000}
        required
        {...form.register('body')}
      />
      <SelectField
        label={t('process.fCategory')}
        error={errorOf(errors, 'category')}
        required
        {...form.register('category')}
      >
        {PROPOSAL_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`process.category.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('process.fPlace')}
        hint={t('process.fPlaceHint')}
        error={errorOf(errors, 'place')}
        maxLength={200}
        {...form.register('place')}
      />
    </>
  );
}
