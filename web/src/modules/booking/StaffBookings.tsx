import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffBooking } from '../../../../contracts/booking.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { useToast } from '../../ui/Toast.tsx';
import {
  approveBooking,
  blockPeriod,
  bookForPerson,
  staffCancelBooking,
  usePlaces,
  useResourceBookings,
  useWaitingBookings,
} from './api.ts';
import { dayLabel, dayOf, timeOf, todayInSeoul } from './format.ts';
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
      <StaffBookingLinks />
      <QueryState query={waiting}>
        {(data) =>
          data.items.length === 0 ? (
            <>
              <h2>{t('booking.waitingTitle')}</h2>
              <p className="note">{t('booking.waitingNone')}</p>
            </>
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
      <ResourceDay onCancel={setRejecting} />
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

/** One resource's day for staff: every booking and block with who booked, cancel with a reason, and a block form. */
function ResourceDay({ onCancel }: { onCancel: (b: StaffBooking) => void }) {
  const { t, i18n } = useTranslation();
  const places = usePlaces();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [resourceId, setResourceId] = useState('');
  const [date, setDate] = useState(todayInSeoul());
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('10:00');
  const [reason, setReason] = useState('');
  const bookings = useResourceBookings(resourceId, date);
  const block = useMutation({
    mutationFn: () =>
      blockPeriod({
        resourceId,
        start: `${date}T${from}:00+09:00`,
        end: `${date}T${to}:00+09:00`,
        reason: reason.trim(),
      }),
    onSuccess: () => {
      toast.show(t('booking.blocked'));
      setReason('');
    },
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  const when = (b: StaffBooking) => `${timeOf(b.start, i18n.language)}–${timeOf(b.end, i18n.language)}`;
  return (
    <section aria-labelledby="booking-resource-day">
      <h2 id="booking-resource-day">{t('booking.resourceDay')}</h2>
      <div className="booking-day">
        <SelectField
          label={t('booking.resource')}
          value={resourceId}
          onChange={(e) => setResourceId(e.target.value)}
        >
          <option value="">{t('booking.chooseResource')}</option>
          {places.data?.items.map((p) => (
            <optgroup key={p.id} label={p.name}>
              {p.resources.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField
          label={t('booking.day')}
          type="date"
          value={date}
          onChange={(e) => e.target.value && setDate(e.target.value)}
        />
      </div>
      {resourceId && (
        <QueryState query={bookings}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="note">{t('booking.dayNone')}</p>
            ) : (
              <Table
                caption={t('booking.dayCaption', { day: dayLabel(date, i18n.language) })}
                rows={data.items}
                rowKey={(b) => b.id}
                columns={[
                  { header: t('booking.when'), cell: when, rowHeader: true },
                  { header: t('booking.statusLabel'), cell: (b) => t(`booking.status.${b.status}`) },
                  { header: t('booking.bookedBy'), cell: (b) => b.bookedBy ?? '—' },
                  { header: t('booking.purpose'), cell: (b) => b.purpose },
                  {
                    header: t('booking.actions'),
                    cell: (b) =>
                      b.status === 'cancelled' ? (
                        (b.cancelReason ?? '')
                      ) : (
                        <Button variant="secondary" onClick={() => onCancel(b)}>
                          {b.status === 'blocked' ? t('booking.unblock') : t('booking.reject')}
                        </Button>
                      ),
                  },
                ]}
              />
            )
          }
        </QueryState>
      )}
      {resourceId && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) block.mutate();
          }}
        >
          <h3>{t('booking.blockTitle')}</h3>
          <TimeRange
            labels={[t('booking.blockFrom'), t('booking.blockTo')]}
            value={[from, to]}
            onChange={([f, u]) => {
              setFrom(f);
              setTo(u);
            }}
          />
          <TextField
            label={t('booking.blockReason')}
            required
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <Button type="submit" disabled={block.isPending || !reason.trim()}>
              {t('booking.block')}
            </Button>
          </div>
        </form>
      )}
      {resourceId && <BookFor resourceId={resourceId} date={date} />}
    </section>
  );
}

/** Staff book for a person (by their email): confirmed at once; the person is told. */
function BookFor({ resourceId, date }: { resourceId: string; date: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [from, setFrom] = useState('10:00');
  const [to, setTo] = useState('11:00');
  const [purpose, setPurpose] = useState('');
  const [people, setPeople] = useState(1);
  const save = useMutation({
    mutationFn: () =>
      bookForPerson({
        resourceId,
        email: email.trim(),
        start: `${date}T${from}:00+09:00`,
        end: `${date}T${to}:00+09:00`,
        purpose: purpose.trim(),
        people,
      }),
    onSuccess: () => {
      toast.show(t('booking.bookedFor'));
      setEmail('');
      setPurpose('');
    },
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (email.trim() && purpose.trim()) save.mutate();
      }}
    >
      <h3>{t('booking.bookForTitle')}</h3>
      <TextField
        label={t('booking.bookForEmail')}
        type="email"
        autoComplete="off"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TimeRange
        labels={[t('booking.bookForFrom'), t('booking.bookForTo')]}
        value={[from, to]}
        onChange={([f, u]) => {
          setFrom(f);
          setTo(u);
        }}
      />
      <TextField
        label={t('booking.bookForPurpose')}
        required
        maxLength={200}
        value={purpose}
        onChange={(e) => setPurpose(e.target.value)}
      />
      <TextField
        label={t('booking.bookForPeople')}
        type="number"
        inputMode="numeric"
        min={1}
        value={people}
        onChange={(e) => setPeople(Math.max(1, Number(e.target.value) || 1))}
      />
      <div className="button-row">
        <Button type="submit" disabled={save.isPending || !email.trim() || !purpose.trim()}>
          {t('booking.bookFor')}
        </Button>
      </div>
    </form>
  );
}

/** A start and an end time on the chosen day, in quarter hours (blocks and booking for someone). */
function TimeRange({
  labels,
  value: [from, to],
  onChange,
}: {
  labels: [string, string];
  value: [string, string];
  onChange: (next: [string, string]) => void;
}) {
  return (
    <div className="booking-day">
      <TextField
        label={labels[0]}
        type="time"
        step={900}
        value={from}
        onChange={(e) => onChange([e.target.value, to])}
      />
      <TextField
        label={labels[1]}
        type="time"
        step={900}
        value={to}
        onChange={(e) => onChange([from, e.target.value])}
      />
    </div>
  );
}

/** The other staff pages of the rooms: check-in (QR and today's list) and suspension appeals. */
export function StaffBookingLinks() {
  const { t } = useTranslation();
  return (
    <ul className="link-list">
      <li>
        <Link to="/booking/staff/checkin">{t('booking.staffCheckin')}</Link>
      </li>
      <li>
        <Link to="/booking/staff/appeals">{t('booking.appealsTitle')}</Link>
      </li>
    </ul>
  );
}
