import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { useConfirm } from '../../ui/ConfirmDialog.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextArea } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useToast } from '../../ui/Toast.tsx';
import {
  appealSuspension,
  type Booking,
  calendarLink,
  cancelBooking,
  type Suspension,
  useMyBookings,
  useMySuspension,
} from './api.ts';
import { CheckinQr } from './CheckinQr.tsx';
import { dayLabel, dayOf, timeOf } from './format.ts';
import './booking.css';
import './messages.ts';

// 내 예약: the coming bookings first, each with its calendar file, its check-in QR code while it is
// confirmed and, before the deadline, cancel; a booking suspension at the top, with the appeal.
export default function MyBookingsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('booking.mine')}>{() => <MyBookings />}</RequireSignIn>;
}

function MyBookings() {
  const { t } = useTranslation();
  const bookings = useMyBookings();
  const { confirm, dialog } = useConfirm();
  const toast = useToast();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: cancelBooking,
    onSuccess: () => toast.show(t('booking.cancelled')),
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  const { i18n } = useTranslation();
  const when = (b: Booking) =>
    `${dayOf(b.start, i18n.language)} ${timeOf(b.start, i18n.language)}–${timeOf(b.end, i18n.language)}`;
  const ask = async (b: Booking) => {
    const yes = await confirm({
      title: t('booking.cancelTitle', { name: b.resourceName }),
      message: t('booking.cancelText', { when: when(b) }),
      confirmLabel: t('booking.cancel'),
      cancelLabel: t('booking.cancelKeep'),
      danger: true,
    });
    if (yes) cancel.mutate(b.id);
  };
  return (
    <Page
      title={t('booking.mine')}
      crumbs={[{ to: '/booking', label: t('booking.title') }]}
      lead={t('booking.myLead')}
    >
      {dialog}
      <SuspensionNotice />
      <QueryState query={bookings} loading={{ cards: 2 }}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              icon="calendar"
              title={t('booking.myNone')}
              text={t('booking.myNoneText')}
              headingLevel={2}
              actions={<Link to="/booking">{t('booking.findPlace')}</Link>}
            />
          ) : (
            <ul className="booking-list">
              {data.items.map((b) => (
                <li key={b.id} className="booking-item">
                  <h2 className="card-title">
                    {b.resourceName} <span className="badge">{t(`booking.status.${b.status}`)}</span>
                    {b.checkedInAt && <span className="badge">{t('booking.checkedIn')}</span>}
                    {b.noShow && <span className="badge">{t('booking.noShow')}</span>}
                  </h2>
                  <p>
                    {b.placeName} · {when(b)}
                  </p>
                  <p>
                    {b.purpose} · {t('booking.capacity', { count: b.people })}
                  </p>
                  {b.cancelReason && <p>{t('booking.cancelReason', { reason: b.cancelReason })}</p>}
                  {b.checkinCode && (
                    <CheckinQr code={b.checkinCode} label={`${when(b)} · ${b.placeName} ${b.resourceName}`} />
                  )}
                  {b.status !== 'cancelled' && (
                    <div className="button-row">
                      <a className="btn btn-tertiary" href={calendarLink(b.id)} download>
                        {t('booking.addToCalendar')}
                      </a>
                      {b.cancellable ? (
                        <Button variant="danger" onClick={() => ask(b)} disabled={cancel.isPending}>
                          {t('booking.cancel')}
                        </Button>
                      ) : (
                        <span className="note">{t('booking.tooLate')}</span>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}

/** The person's booking suspension, if any: until when, why, and the appeal (once) or its answer. */
function SuspensionNotice() {
  const { t, i18n } = useTranslation();
  const suspension = useMySuspension();
  const s = suspension.data?.suspension;
  if (!s) return null;
  return (
    <Alert kind="warning" title={t('booking.suspendedTitle', { day: dayLabel(s.endsOn, i18n.language) })}>
      <p>{t('booking.suspendedText', { count: s.noShows })}</p>
      {s.appealStatus === null ? <AppealForm /> : <AppealState suspension={s} />}
    </Alert>
  );
}

function AppealState({ suspension: s }: { suspension: Suspension }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t(`booking.appealStatus.${s.appealStatus ?? 'pending'}`)}</p>
      {s.decisionReason && <p>{t('booking.appealAnswer', { reason: s.decisionReason })}</p>}
    </>
  );
}

function AppealForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => appealSuspension(text.trim()),
    onSuccess: () => {
      toast.show(t('booking.appealSent'));
      setText('');
    },
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking', 'suspension'] }),
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) send.mutate();
      }}
    >
      <TextArea
        label={t('booking.appealLabel')}
        hint={t('booking.appealHint')}
        required
        maxLength={1000}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="button-row">
        <Button type="submit" disabled={send.isPending || !text.trim()}>
          {t('booking.appealSubmit')}
        </Button>
      </div>
    </form>
  );
}
