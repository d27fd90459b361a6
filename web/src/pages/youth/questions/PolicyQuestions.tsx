import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasRole, useMe } from '../../../api/session.ts';
import { askQuestion, usePolicyQuestions } from '../../../api/youth-questions.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox, TextArea, TextField } from '../../../ui/Field.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useAction } from '../../me/useAction.ts';
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
  const action = useAction();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [isPublic, setPublic] = useState(true);
  const [bodyError, setBodyError] = useState<string | undefined>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const error = body.trim() ? undefined : t('youthQa.bodyRequired');
    setBodyError(error);
    if (error) return;
    action.run(async () => {
      await askQuestion(policyId, { title: title.trim() || undefined, body, public: isPublic });
      setTitle('');
      setBody('');
      await queryClient.invalidateQueries({ queryKey: ['youth', 'questions'] });
      return t('youthQa.asked');
    });
  };

  return (
    <form onSubmit={submit} className="form" noValidate aria-labelledby="youth-ask">
      <h3 id="youth-ask">{t('youthQa.askTitle')}</h3>
      {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
      <TextField
        label={t('youthQa.title')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        error={action.fieldErrors.title}
      />
      <TextArea
        className="qa-textarea"
        label={t('youthQa.body')}
        hint={t('youthQa.bodyHint')}
        required
        value={body}
        maxLength={2000}
        onChange={(e) => setBody(e.target.value)}
        error={bodyError ?? action.fieldErrors.body}
      />
      <Checkbox
        label={t('youthQa.publicLabel')}
        description={<p>{t('youthQa.publicHint')}</p>}
        checked={isPublic}
        onChange={(e) => setPublic(e.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" disabled={action.busy}>
          {t('youthQa.ask')}
        </Button>
        <Link to="/youth/questions/mine">{t('youthQa.myTitle')}</Link>
      </div>
    </form>
  );
}
