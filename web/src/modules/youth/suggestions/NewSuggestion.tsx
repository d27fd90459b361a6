import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { SuggestionBody } from '../../../../../contracts/youth-questions.ts';
import { submitSuggestion } from '../../../api/youth-questions.ts';
import { useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { POLICY_FIELDS } from '../codes.ts';

// "No field" is the empty choice of the select: left out of what is sent.
const SuggestionFormSchema = SuggestionBody.extend({
  field: z
    .string()
    .transform((v) => v || undefined)
    .pipe(SuggestionBody.shape.field),
});

// The suggestion form (청년 정책 제안하기).
export default function NewSuggestionPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('youthQa.newSuggestion')}>{() => <SuggestionForm />}</RequireSignIn>;
}

function SuggestionForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm(SuggestionFormSchema, { defaultValues: { title: '', body: '', field: '' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: submitSuggestion,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['youth', 'suggestions'] });
      navigate('/youth/suggestions/mine');
    },
  });
  const { errors } = form.formState;

  return (
    <Page
      title={t('youthQa.newSuggestion')}
      crumbs={[
        { to: '/youth', label: t('nav.youth') },
        { to: '/youth/suggestions', label: t('youthQa.suggestionsTitle') },
      ]}
      lead={t('youthQa.newSuggestionLead')}
    >
      <form onSubmit={onSubmit} className="form" noValidate>
        <MutationAlert mutation={mutation} />
        <TextField
          label={t('youthQa.suggestionTitle')}
          required
          maxLength={200}
          error={errors.title?.message}
          {...form.register('title')}
        />
        <SelectField label={t('youthQa.field')} error={errors.field?.message} {...form.register('field')}>
          <option value="">{t('youthQa.noField')}</option>
          {POLICY_FIELDS.map((code) => (
            <option key={code} value={code}>
              {t(`youth.codes.field.${code}`)}
            </option>
          ))}
        </SelectField>
        <TextArea
          className="qa-textarea"
          label={t('youthQa.suggestionBody')}
          hint={t('youthQa.suggestionBodyHint')}
          required
          maxLength={4000}
          error={errors.body?.message}
          {...form.register('body')}
        />
        <div className="button-row">
          <Button type="submit" disabled={mutation.isPending}>
            {t('youthQa.submitSuggestion')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
