import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffBooking } from '../../../../contracts/booking.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { type CheckinResult, checkInByCode, checkInById, usePlaces, useToday } from './api.ts';
import { CodeScanner } from './CodeScanner.tsx';
import { dayOf, timeOf } from './format.ts';
import './booking.css';
import './kiosk-messages.ts';
import './messages.ts';

// Staff check-in (입실 확인): scan the person's QR code with the phone camera where the browser can
// read barcodes, or type the code (CodeScanner), or tick people off today's list; each place's kiosk
// page opens from here.

export default function CheckInPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('booking.checkinTitle')} roles={['staff', 'admin']}>
      {() => <CheckIn />}
    </RequireSignIn>
  );
}

type Outcome = { ok: true; result: CheckinResult } | { ok: false; message: string };

function CheckIn() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checkedIn, setCheckedIn] = useState(0);
  const done = {
    onSuccess: (result: CheckinResult) => {
      setOutcome({ ok: true, result });
      setCheckedIn((n) => n + 1);
    },
    onError: (e: Error) => setOutcome({ ok: false, message: e.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  };
  const byCode = useMutation({ mutationFn: checkInByCode, ...done });
  const byId = useMutation({ mutationFn: checkInById, ...done });
  const when = (b: { start: string; end: string }) =>
    `${dayOf(b.start, i18n.language)} ${timeOf(b.start, i18n.language)}–${timeOf(b.end, i18n.language)}`;
  return (
    <Page
      title={t('booking.checkinTitle')}
      lead={t('booking.checkinLead')}
      crumbs={[
        { to: '/staff', label: t('shell.staffHome') },
        { to: '/booking/staff', label: t('booking.staff') },
      ]}
    >
      <div aria-live="polite">
        {outcome?.ok === true && (
          <Alert kind="success" title={t('booking.checkinDone', { name: outcome.result.bookedBy ?? '—' })}>
            <p>
              {when(outcome.result)} · {outcome.result.placeName} {outcome.result.resourceName}
            </p>
          </Alert>
        )}
        {outcome?.ok === false && <Alert kind="danger" title={outcome.message} />}
      </div>
      <section aria-labelledby="checkin-scan" className="section">
        <h2 id="checkin-scan">{t('booking.scanTitle')}</h2>
        <CodeScanner onCode={(c) => byCode.mutate(c)} pending={byCode.isPending} clearKey={checkedIn} />
      </section>
      <RollCall onCheckIn={(b) => byId.mutate(b.id)} pending={byId.isPending} />
      <KioskLinks />
      <p>
        <Link to="/booking/staff/appeals">{t('booking.appealsTitle')}</Link>
      </p>
    </Page>
  );
}

/** Today's confirmed bookings of a place: staff tick people in (roll call). */
function RollCall({ onCheckIn, pending }: { onCheckIn: (b: StaffBooking) => void; pending: boolean }) {
  const { t, i18n } = useTranslation();
  const places = usePlaces();
  const [placeId, setPlaceId] = useState('');
  const today = useToday(placeId);
  const state = (b: StaffBooking) =>
    b.checkedInAt
      ? t('booking.checkedInAt', { time: timeOf(b.checkedInAt, i18n.language) })
      : b.noShow
        ? t('booking.noShow')
        : t('booking.notYet');
  return (
    <section aria-labelledby="checkin-today" className="section">
      <h2 id="checkin-today">{t('booking.todayTitle')}</h2>
      <SelectField label={t('booking.place')} value={placeId} onChange={(e) => setPlaceId(e.target.value)}>
        <option value="">{t('booking.allPlaces')}</option>
        {places.data?.items.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <QueryState query={today}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('booking.todayNone')}</p>
          ) : (
            <Table
              caption={t('booking.todayCaption')}
              rows={data.items}
              rowKey={(b) => b.id}
              columns={[
                {
                  header: t('booking.when'),
                  cell: (b) => `${timeOf(b.start, i18n.language)}–${timeOf(b.end, i18n.language)}`,
                  rowHeader: true,
                },
                { header: t('booking.where'), cell: (b) => b.resourceName },
                { header: t('booking.bookedBy'), cell: (b) => b.bookedBy ?? '—' },
                { header: t('booking.statusLabel'), cell: state },
                {
                  header: t('booking.actions'),
                  cell: (b) =>
                    b.checkinOpen ? (
                      <Button
                        onClick={() => onCheckIn(b)}
                        disabled={pending}
                        aria-label={t('booking.checkinOne', { name: b.bookedBy ?? '—' })}
                      >
                        {t('booking.checkinSubmit')}
                      </Button>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </section>
  );
}

/** Each place's kiosk page (a tablet at its entrance), opened from here. */
function KioskLinks() {
  const { t } = useTranslation();
  const places = usePlaces();
  if (!places.data?.items.length) return null;
  return (
    <section aria-labelledby="checkin-kiosk" className="section">
      <h2 id="checkin-kiosk">{t('bookingKiosk.open')}</h2>
      <p className="note">{t('bookingKiosk.openLead')}</p>
      <ul className="kiosk-links">
        {places.data.items.map((p) => (
          <li key={p.id}>
            <Link to={`/booking/kiosk/${p.id}`}>{t('bookingKiosk.openFor', { place: p.name })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
