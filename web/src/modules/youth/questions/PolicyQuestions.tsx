import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { QuestionBody } from '../../../../../contracts/youth-questions.ts';
import { hasRole, useMe } from '../../../api/session.ts';
import { askQuestion, usePolicyQuestions } from '../../../api/youth-questions.ts';
import { useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox, TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { AnswerForm } from './AnswerForm.tsx';
import { QuestionItem } from './QuestionItem.tsx';

// The policy page's questions: the public ones (and my own private ones), and the form to ask.
export function PolicyQuestions({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const questions = usePolicyQuestions(policyId, me.data?.id ?? null);
  const staff = hasRole(me.data, 'staff', 'admin');
  return (
    <>
      <QueryState query={questions}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('youthQa.none')}</p>
          ) : (
            <ul className="qa-list">
              {data.items.map((q) => (
                <QuestionItem key={q.id} q={q}>
                  {staff && <AnswerForm q={q} />}
                </QuestionItem>
              ))}
            </ul>
          )
        }
      </QueryState>
      {me.isPending ? null : me.data ? <AskForm policyId={policyId} /> : <SignInToAsk />}
    </>
  );
}

function SignInToAsk() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <p>
      {t('youthQa.signInToAsk')}{' '}
      <Link to={`/login?next=${encodeURIComponent(`${location.pathname}#youth-questions`)}`}>
        {t('shell.login')}
      </Link>
    </p>
  );
}

function AskForm({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(QuestionBody, { defaultValues: { title: '', body: '', public: true } });
  const { mutation, onSubmit } = useFormMutation(form, {
    // An empty title is left out: the question is then known by its first words.
    mutationFn: ({ title, ...rest }: QuestionBody) =>
      askQuestion(policyId, { ...rest, title: title || undefined }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['youth', 'questions'] });
    },
  });
  const { errors } = form.formState;

  return (
    <form onSubmit={onSubmit} className="form" noValidate aria-labelledby="youth-ask">
      <h3 id="youth-ask">{t('youthQa.askTitle')}</h3>
      <MutationAlert mutation={mutation} success={t('youthQa.asked')} />
      <TextField
        label={t('youthQa.title')}
        maxLength={200}
        error={errors.title?.message}
        {...form.register('title')}
      />
      <TextArea
        className="qa-textarea"
        label={t('youthQa.body')}
        hint={t('youthQa.bodyHint')}
        required
        maxLength={2000}
        error={errors.body?.message}
        {...form.register('body')}
      />
      <Checkbox
        label={t('youthQa.publicLabel')}
        description={<p>{t('youthQa.publicHint')}</p>}
        {...form.register('public')}
      />
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {t('youthQa.ask')}
        </Button>
        <Link to="/youth/questions/mine">{t('youthQa.myTitle')}</Link>
      </div>
    </form>
  );
}
