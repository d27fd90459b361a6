import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerQuestion, type Question } from '../../../api/youth-questions.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextArea } from '../../../ui/Field.tsx';
import { useAction } from '../../me/useAction.ts';

/** Staff: answer a question, or edit the answer it has (the asker is told of the first answer only). */
export function AnswerForm({ q, onDone }: { q: Question; onDone?: (text: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const action = useAction();
  const [answer, setAnswer] = useState(q.answer ?? '');
  const [error, setError] = useState<string | undefined>();
  const editing = q.answer !== null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = answer.trim() ? undefined : t('youthQa.answerRequired');
    setError(missing);
    if (missing) return;
    action.run(async () => {
      await answerQuestion(q.id, { answer });
      const text = editing ? t('youthQa.answerEdited') : t('youthQa.answered');
      onDone?.(text);
      await queryClient.invalidateQueries({ queryKey: ['youth', 'questions'] });
      return onDone ? undefined : text;
    });
  };
  const title = q.title || q.body.slice(0, 20);
  return (
    <form onSubmit={submit} className="form" noValidate>
      {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
      <TextArea
        className="qa-textarea"
        label={editing ? t('youthQa.editAnswerLabel', { title }) : t('youthQa.answerLabel', { title })}
        required
        value={answer}
        maxLength={4000}
        onChange={(e) => setAnswer(e.target.value)}
        error={error ?? action.fieldErrors.answer}
      />
      <div className="button-row">
        <Button type="submit" disabled={action.busy}>
          {editing ? t('youthQa.saveAnswer') : t('youthQa.sendAnswer')}
        </Button>
      </div>
    </form>
  );
}
