import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnswerBody } from '../../../../../contracts/youth-questions.ts';
import { answerQuestion, type Question } from '../../../api/youth-questions.ts';
import { useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { TextArea } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';

/** Staff: answer a question, or edit the answer it has (the asker is told of the first answer only). */
export function AnswerForm({ q, onDone }: { q: Question; onDone?: (text: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editing = q.answer !== null;
  const done = editing ? t('youthQa.answerEdited') : t('youthQa.answered');
  const form = useZodForm(AnswerBody, { defaultValues: { answer: q.answer ?? '' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: AnswerBody) => answerQuestion(q.id, body),
    onSuccess: async () => {
      onDone?.(done);
      await queryClient.invalidateQueries({ queryKey: ['youth', 'questions'] });
    },
  });
  const title = q.title || q.body.slice(0, 20);
  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <MutationAlert mutation={mutation} success={onDone ? undefined : done} />
      <TextArea
        className="qa-textarea"
        label={editing ? t('youthQa.editAnswerLabel', { title }) : t('youthQa.answerLabel', { title })}
        required
        maxLength={4000}
        error={form.formState.errors.answer?.message}
        {...form.register('answer')}
      />
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {editing ? t('youthQa.saveAnswer') : t('youthQa.sendAnswer')}
        </Button>
      </div>
    </form>
  );
}
