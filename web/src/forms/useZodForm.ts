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
import { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { fieldIssueMessage } from './field-issue.ts';

// Forms on the contracts' Zod schemas: the same rules as the server, checked before sending; what the
// server still refuses comes back onto the fields it names. Focus goes to the first field in error.

type Schema = z.ZodType<FieldValues, FieldValues>;
/** Names the form field an error belongs to, from its path in what is sent (the identity by default). */
export type FieldOf = (path: readonly PropertyKey[]) => string;

export function useZodForm<S extends Schema>(
  schema: S,
  {
    fieldOf,
    ...options
  }: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> & { fieldOf?: FieldOf } = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(fieldOf ? onFields(schema, fieldOf) : schema, { error: fieldIssueMessage }),
    ...options,
  });
}

/**
 * The schema with its errors moved onto form fields: a form whose values are converted before the
 * contract checks them (text lists, numbers typed as text) shows 'keywords.2' on the keywords box.
 */
function onFields<S extends Schema>(schema: S, fieldOf: FieldOf): S {
  return z.unknown().transform(async (value, ctx) => {
    const result = await schema.safeParseAsync(value, { error: fieldIssueMessage });
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: [fieldOf(issue.path)] });
    return z.NEVER;
  }) as unknown as S;
}

/** Puts the server's field errors (`details`) on the fields they name and focuses the first. */
export function showServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  error: unknown,
  fieldOf: FieldOf = (path) => path.join('.'),
): void {
  if (!(error instanceof ApiError)) return;
  const fields = Object.entries(error.fieldErrors());
  fields.forEach(([name, message], i) => {
    form.setError(fieldOf(name.split('.')) as Path<T>, { type: 'server', message }, { shouldFocus: i === 0 });
  });
}

/** The message of a field's error, nested names included ('quietHours.end'). */
export function errorOf(errors: FieldErrors, name: string): string | undefined {
  const error = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message;
}

/**
 * A form that sends through a mutation: `onSubmit` checks the form, then runs the mutation with the
 * parsed values; a refusal from the server lands on the fields. A new attempt clears the old outcome.
 */
export function useFormMutation<TValues extends FieldValues, TOutput, TData>(
  form: UseFormReturn<TValues, unknown, TOutput>,
  options: UseMutationOptions<TData, Error, TOutput>,
  fieldOf?: FieldOf,
) {
  const mutation = useMutation<TData, Error, TOutput>({
    ...options,
    onError: (...args) => {
      showServerErrors(form as UseFormReturn<TValues, unknown, unknown>, args[0], fieldOf);
      return options.onError?.(...args);
    },
  });
  const onSubmit = form.handleSubmit(
    (values) => mutation.mutate(values),
    () => mutation.reset(),
  );
  return { mutation, onSubmit };
}
