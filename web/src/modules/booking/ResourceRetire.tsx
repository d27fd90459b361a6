import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Resource } from '../../../../contracts/booking.ts';
import type { RetireAnswer } from '../../../../contracts/booking-resources-lifecycle.ts';
import { api } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { useToast } from '../../ui/Toast.tsx';
import './resources-lifecycle-messages.ts';

// Under a resource's rules: retire it (no new bookings; past ones and the statistics stay). Staff tick
// a box first, since a retired room leaves every booking page at once.
export function ResourceRetire({ resource }: { resource: Resource }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sure, setSure] = useState(false);
  const [error, setError] = useState<string>();
  const retire = useMutation({
    mutationFn: () =>
      api<RetireAnswer>(`/api/v1/booking/staff/resources/${encodeURIComponent(resource.id)}/retire`, {
        method: 'POST',
      }),
    onSuccess: (a) => {
      const done = t('resourceLife.retired', { name: resource.name });
      toast.show(
        a.bookingsAhead > 0 ? `${done} ${t('resourceLife.retiredAhead', { count: a.bookingsAhead })}` : done,
      );
      navigate(a.bookingsAhead > 0 ? '/booking/staff' : '/booking/staff/resources');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  return (
    <section aria-labelledby="retire-title" className="section">
      <h2 id="retire-title">{t('resourceLife.retireTitle')}</h2>
      <p>{t('resourceLife.retireLead')}</p>
      <MutationAlert mutation={retire} />
      <Checkbox
        label={t('resourceLife.retireConfirm', { name: resource.name })}
        checked={sure}
        error={error}
        onChange={(e) => setSure(e.target.checked)}
      />
      <div className="button-row">
        <Button
          variant="danger"
          disabled={retire.isPending}
          onClick={() => {
            if (!sure) return setError(t('resourceLife.retireConfirmNeeded'));
            setError(undefined);
            retire.mutate();
          }}
        >
          {t('resourceLife.retire')}
        </Button>
      </div>
    </section>
  );
}
