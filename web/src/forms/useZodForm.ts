import { zodResolver } from '@hookform/resolvers/zod';
import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import {
  type FieldErrors,
  type FieldValues,
  get,
  type Path,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { fieldIssueMessage } from './field-issue.ts';

// Forms on the contracts' Zod schemas: the same rules as the server, checked before sending; what the
// server still refuses comes back onto the fields it names. Focus goes to the first field in error.

type Schema = z.ZodType<FieldValues, FieldValues>;

export function useZodForm<S extends Schema>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema, { error: fieldIssueMessage }),
    ...options,
  });
}

/** Puts the server's field errors (`details`) on the fields they name and focuses the first. */
export function showServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  error: unknown,
): void {
  if (!(error instanceof ApiError)) return;
  const fields = Object.entries(error.fieldErrors());
  fields.forEach(([name, message], i) => {
    form.setError(name as Path<T>, { type: 'server', message }, { shouldFocus: i === 0 });
  });
}

/** The message of a field's error, nested names included ('quietHours.end'). */
export function errorOf(errors: FieldErrors, name: string): string | undefined {
  return (get(errors, name) as { message?: string } | undefined)?.message;
}

/**
 * A form that sends through a mutation: `onSubmit` checks the form, then runs the mutation with the
 * parsed values; a refusal from the server lands on the fields. A new attempt clears the old outcome.
 */
export function useFormMutation<TValues extends FieldValues, TOutput, TData>(
  form: UseFormReturn<TValues, unknown, TOutput>,
  options: UseMutationOptions<TData, Error, TOutput>,
) {
  const mutation = useMutation<TData, Error, TOutput>({
    ...options,
    onError: (...args) => {
      showServerErrors(form as UseFormReturn<TValues, unknown, unknown>, args[0]);
      return options.onError?.(...args);
    },
  });
  const onSubmit = form.handleSubmit(
    (values) => mutation.mutate(values),
    () => mutation.reset(),
  );
  return { mutation, onSubmit };
}
