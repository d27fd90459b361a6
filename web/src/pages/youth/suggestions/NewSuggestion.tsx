import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PolicyField } from '../../../../../contracts/youth-policies.ts';
import { submitSuggestion } from '../../../api/youth-questions.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextArea, TextField } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useAction } from '../../me/useAction.ts';
import { RequireSignIn } from '../../RequireSignIn.tsx';
import { POLICY_FIELDS } from '../codes.ts';

// The suggestion form (청년 정책 제안하기).
export default function NewSuggestionPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('youthQa.newSuggestion')}>{() => <SuggestionForm />}</RequireSignIn>;
}

function SuggestionForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [field, setField] = useState<PolicyField | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('youthQa.titleRequired');
    if (!body.trim()) found.body = t('youthQa.bodyRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    action.run(async () => {
      await submitSuggestion({ title, body, field: field || undefined });
      await queryClient.invalidateQueries({ queryKey: ['youth', 'suggestions'] });
      navigate('/youth/suggestions/mine');
      return undefined;
    });
  };
  const fieldErrors = { ...action.fieldErrors, ...errors };

  return (
    <Page
      title={t('youthQa.newSuggestion')}
      crumbs={[
        { to: '/youth', label: t('nav.youth') },
        { to: '/youth/suggestions', label: t('youthQa.suggestionsTitle') },
      ]}
      lead={t('youthQa.newSuggestionLead')}
    >
      <form onSubmit={submit} className="form" noValidate>
        {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
        <TextField
          label={t('youthQa.suggestionTitle')}
          required
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldErrors.title}
        />
        <SelectField
          label={t('youthQa.field')}
          value={field}
          onChange={(e) => setField(e.target.value as PolicyField)}
        >
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
          value={body}
          maxLength={4000}
          onChange={(e) => setBody(e.target.value)}
          error={fieldErrors.body}
        />
        <div className="button-row">
          <Button type="submit" disabled={action.busy}>
            {t('youthQa.submitSuggestion')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
