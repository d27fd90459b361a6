import { useQueryClient } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useFormMutation } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import type { ConfirmOptions } from '../../../ui/ConfirmDialog.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { projectKeys } from './api.ts';

// The pieces the working group's forms and lists share (GroupForms, GroupRecords, GroupSpace): the
// refresh after a change, a form's sending with its toast, a select of fixed choices in words, a
// form's error and submit button, and a remove button that asks first.

/** After a change: the space and the public page are asked again (and the project list with `list`). */
export function useRefresh(projectId: string, { list = false }: { list?: boolean } = {}) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: projectKeys.space(projectId) });
    void queryClient.invalidateQueries({ queryKey: projectKeys.one(projectId) });
    if (list) void queryClient.invalidateQueries({ queryKey: projectKeys.all, exact: true });
  };
}

/**
 * A group form's sending (useFormMutation): once saved, a toast says `saved`, the form is emptied
 * (unless `keep`), `after` runs, and the space and the public page are asked again.
 */
export function useGroupFormMutation<TValues extends FieldValues, TOutput, TData>(
  form: UseFormReturn<TValues, unknown, TOutput>,
  {
    projectId,
    list = false,
    send,
    saved,
    keep = false,
    after,
  }: {
    projectId: string;
    /** The project list is asked again too. */
    list?: boolean;
    send: (body: TOutput) => Promise<TData>;
    saved: string;
    keep?: boolean;
    after?: () => void;
  },
) {
  const toast = useToast();
  const refresh = useRefresh(projectId, { list });
  return useFormMutation(form, {
    mutationFn: send,
    onSuccess: () => {
      toast.show(saved);
      if (!keep) form.reset();
      after?.();
      refresh();
    },
  });
}

/** A labelled select of fixed choices (codes), each shown in words (`wordOf`), never as its code. */
export function ChoiceField<T extends string | number>({
  choices,
  wordOf,
  ...select
}: Omit<ComponentProps<typeof SelectField>, 'children'> & {
  choices: readonly T[];
  wordOf: (choice: T) => string;
}) {
  return (
    <SelectField {...select}>
      {choices.map((c) => (
        <option key={c} value={c}>
          {wordOf(c)}
        </option>
      ))}
    </SelectField>
  );
}

/** The end of a form: the server's error when the last try failed, and the (secondary) submit button. */
export function SubmitButton({
  mutation,
  label,
}: {
  mutation: { isError: boolean; isSuccess: boolean; isPending: boolean; error: Error | null };
  label: string;
}) {
  return (
    <>
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <Button type="submit" variant="secondary" disabled={mutation.isPending}>
        {label}
      </Button>
    </>
  );
}

/** A remove button in a list: asks (a danger confirmation, `question`) before calling `onRemove`. */
export function RemoveButton({
  label,
  question,
  busy,
  confirm,
  onRemove,
}: {
  label: string;
  question: string;
  busy: boolean;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onRemove: () => void;
}) {
  return (
    <Button
      variant="tertiary"
      disabled={busy}
      onClick={async () => {
        if (await confirm({ title: question, confirmLabel: label, danger: true })) onRemove();
      }}
    >
      {label}
    </Button>
  );
}
