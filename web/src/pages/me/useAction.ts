import { useState } from 'react';
import { ApiError } from '../../api/client.ts';

// The state every small form on my page needs: busy, the outcome message, and field errors.
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const run = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const text = await work();
      if (text) setMessage({ kind: 'success', text });
    } catch (err) {
      if (err instanceof ApiError) {
        setFieldErrors(err.fieldErrors());
        setMessage({ kind: 'danger', text: err.message });
      } else setMessage({ kind: 'danger', text: String(err) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, fieldErrors, run, setFieldErrors };
}
