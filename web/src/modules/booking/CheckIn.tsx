import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffBooking } from '../../../../contracts/booking.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { type CheckinResult, checkInByCode, checkInById, usePlaces, useToday } from './api.ts';
import { dayOf, timeOf } from './format.ts';
import './booking.css';
import './messages.ts';

// Staff check-in (입실 확인): scan the person's QR code with the phone camera where the browser can
// read barcodes (BarcodeDetector), type the code (always there), or tick people off today's list.

/** The part of the Barcode Detection API this page uses (not yet in TypeScript's DOM types). */
interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;
const detectorClass = (): DetectorClass | undefined =>
  (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

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
  const [code, setCode] = useState('');
  const done = {
    onSuccess: (result: CheckinResult) => {
      setOutcome({ ok: true, result });
      setCode('');
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
        <Scanner onCode={(c) => byCode.mutate(c)} />
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) byCode.mutate(code.trim());
          }}
        >
          <TextField
            label={t('booking.codeLabel')}
            hint={t('booking.codeHint')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <div className="button-row">
            <Button type="submit" disabled={byCode.isPending || !code.trim()}>
              {t('booking.checkinSubmit')}
            </Button>
          </div>
        </form>
      </section>
      <RollCall onCheckIn={(b) => byId.mutate(b.id)} pending={byId.isPending} />
      <p>
        <Link to="/booking/staff/appeals">{t('booking.appealsTitle')}</Link>
      </p>
    </Page>
  );
}

/** The camera and the barcode reader, where the browser has both; nothing otherwise (the code field stays). */
function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const Detector = detectorClass();
  const report = useRef(onCode);
  report.current = onCode;
  useEffect(() => {
    if (!on || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(async () => {
          if (!video.current || video.current.readyState < 2) return;
          const found = await detector.detect(video.current).catch(() => []);
          const value = found[0]?.rawValue;
          if (value && !stopped) {
            stopped = true;
            setOn(false);
            report.current(value);
          }
        }, 300);
      })
      .catch(() => {
        setProblem(t('booking.cameraProblem'));
        setOn(false);
      });
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [on, Detector, t]);
  if (!Detector || !navigator.mediaDevices) return <p className="note">{t('booking.noCamera')}</p>;
  return (
    <div className="booking-scanner">
      {problem && <Alert kind="warning" title={problem} />}
      {on && (
        <video ref={video} className="booking-video" muted playsInline aria-label={t('booking.cameraView')} />
      )}
      <div className="button-row">
        <Button variant={on ? 'secondary' : 'primary'} onClick={() => setOn(!on)}>
          {on ? t('booking.cameraStop') : t('booking.cameraStart')}
        </Button>
      </div>
    </div>
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
