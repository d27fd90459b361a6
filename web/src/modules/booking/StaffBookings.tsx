import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffBooking } from '../../../../contracts/booking.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { approveBooking, staffCancelBooking, useWaitingBookings } from './api.ts';
import { dayOf, timeOf } from './format.ts';
import './booking.css';
import './messages.ts';

// Staff: bookings waiting for approval (the staff home's queue), approved or cancelled with a reason.
export default function StaffBookingsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('booking.staff')} roles={['staff', 'admin']}>
      {() => <StaffBookings />}
    </RequireSignIn>
  );
}

function StaffBookings() {
  const { t, i18n } = useTranslation();
  const waiting = useWaitingBookings();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<StaffBooking | null>(null);
  const [reason, setReason] = useState('');
  const settle = () => queryClient.invalidateQueries({ queryKey: ['booking'] });
  const approve = useMutation({
    mutationFn: approveBooking,
    onSuccess: () => toast.show(t('booking.approved')),
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: settle,
  });
  const reject = useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => staffCancelBooking(id, text),
    onSuccess: () => {
      toast.show(t('booking.rejected'));
      setRejecting(null);
      setReason('');
    },
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: settle,
  });
  const when = (b: StaffBooking) =>
    `${dayOf(b.start, i18n.language)} ${timeOf(b.start, i18n.language)}–${timeOf(b.end, i18n.language)}`;
  return (
    <Page title={t('booking.staff')} crumbs={[{ to: '/staff', label: t('shell.staffHome') }]}>
      <QueryState query={waiting}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('booking.waitingNone')}</p>
          ) : (
            <Table
              caption={t('booking.waitingTitle')}
              rows={data.items}
              rowKey={(b) => b.id}
              columns={[
                {
                  header: t('booking.where'),
                  cell: (b) => `${b.placeName} · ${b.resourceName}`,
                  rowHeader: true,
                },
                { header: t('booking.when'), cell: when },
                { header: t('booking.bookedBy'), cell: (b) => b.bookedBy ?? '—' },
                { header: t('booking.purpose'), cell: (b) => `${b.purpose} (${b.people})` },
                {
                  header: t('booking.actions'),
                  cell: (b) => (
                    <div className="button-row">
                      <Button onClick={() => approve.mutate(b.id)} disabled={approve.isPending}>
                        {t('booking.approve')}
                      </Button>
                      <Button variant="secondary" onClick={() => setRejecting(b)}>
                        {t('booking.reject')}
                      </Button>
                    </div>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      <Modal open={rejecting !== null} title={t('booking.reject')} onClose={() => setRejecting(null)}>
        <form
          className="form modal-body"
          onSubmit={(e) => {
            e.preventDefault();
            if (rejecting && reason.trim()) reject.mutate({ id: rejecting.id, text: reason.trim() });
          }}
        >
          <TextField
            label={t('booking.rejectReason')}
            required
            maxLength={300}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row modal-actions">
            <Button variant="tertiary" onClick={() => setRejecting(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="danger" disabled={reject.isPending || !reason.trim()}>
              {t('booking.reject')}
            </Button>
          </div>
        </form>
      </Modal>
    </Page>
  );
}
