import { Alert } from './Alert.tsx';

// The outcome of a change: the server's error message, or what was done.
export function MutationAlert({
  mutation,
  success,
}: {
  mutation: { isError: boolean; isSuccess: boolean; error: Error | null };
  success?: string;
}) {
  if (mutation.isError) return <Alert kind="danger">{mutation.error?.message}</Alert>;
  if (mutation.isSuccess && success) return <Alert kind="success">{success}</Alert>;
  return null;
}
