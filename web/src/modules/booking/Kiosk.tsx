import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { KioskResult } from '../../../../contracts/booking-kiosk.ts';
import { hasRole } from '../../api/session.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { useSignOut } from '../../platform/auth/sign-out.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { kioskCheckIn, usePlaces } from './api.ts';
import { CodeScanner } from './CodeScanner.tsx';
import { timeOf } from './format.ts';
import './kiosk.css';
import './kiosk-messages.ts';
import './messages.ts';

// The check-in kiosk of a place (키오스크): a tablet at the entrance, signed in with a kiosk account
// (the 'kiosk' role: this page and nothing staff see; staff may open it too), full screen
// with large type. A person holds up their QR code or types its code (a room booking or a program
// session held here); the kiosk greets them by a masked name (홍*동) with the room and time, then goes
// back to the start after a few seconds. It never shows a list of people.

/** How long the greeting (or a refusal) stays before the kiosk resets. */
const RESET_MS = 6000;

export default function KioskPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="kiosk">
      <RequireSignIn title={t('bookingKiosk.titlePlain')} roles={['kiosk', 'staff', 'admin']}>
        {(me) => {
          // Staff go back to their check-in page; a kiosk account to its choice of places.
          const back = hasRole(me, 'staff', 'admin')
            ? { to: '/booking/staff/checkin', label: t('bookingKiosk.back') }
            : { to: '/booking/kiosk', label: t('bookingKiosk.backToPlaces') };
          return <KioskOrPlaces back={back} />;
        }}
      </RequireSignIn>
    </main>
  );
}

type Outcome = { ok: true; result: KioskResult } | { ok: false; message: string };
type Back = { to: string; label: string };

/** /booking/kiosk/:placeId is a place's kiosk; /booking/kiosk, where a kiosk account lands, picks the place. */
function KioskOrPlaces({ back }: { back: Back }) {
  const { placeId } = useParams();
  return (
    <>
      {placeId ? <Kiosk placeId={placeId} /> : <KioskPlaces />}
      <KioskFooter back={placeId ? back : null} />
    </>
  );
}

/**
 * The foot of every kiosk screen: back (from a place's kiosk) and sign-out. The kiosk has no header,
 * so this is where the tablet's account signs out; the sign-in page follows for the next account.
 */
function KioskFooter({ back }: { back: Back | null }) {
  const { t } = useTranslation();
  const signOut = useSignOut('/login');
  return (
    <div className="kiosk-foot">
      {back && <Link to={back.to}>{back.label}</Link>}
      <Button variant="tertiary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {t('bookingKiosk.signOut')}
      </Button>
    </div>
  );
}

/** The places whose kiosk this tablet can show: the one at its entrance is chosen once. */
function KioskPlaces() {
  const { t } = useTranslation();
  const places = usePlaces();
  useEffect(() => {
    document.title = `${t('bookingKiosk.choose')} | ${t('common.appName')}`;
  }, [t]);
  return (
    <>
      <h1 className="kiosk-title">{t('bookingKiosk.choose')}</h1>
      <p className="kiosk-lead">{t('bookingKiosk.chooseLead')}</p>
      {places.isError && <Alert kind="danger" title={places.error.message} />}
      <ul className="kiosk-links">
        {places.data?.items.map((p) => (
          <li key={p.id}>
            <Link to={`/booking/kiosk/${p.id}`}>{t('bookingKiosk.openFor', { place: p.name })}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function Kiosk({ placeId }: { placeId: string }) {
  const { t, i18n } = useTranslation();
  const places = usePlaces();
  const place = places.data?.items.find((p) => p.id === placeId);
  const title = place ? t('bookingKiosk.title', { place: place.name }) : t('bookingKiosk.titlePlain');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [round, setRound] = useState(0);
  const form = useRef<HTMLDivElement>(null);
  const check = useMutation({
    mutationFn: (code: string) => kioskCheckIn({ placeId, code }),
    onSuccess: (result) => setOutcome({ ok: true, result }),
    onError: (e: Error) => setOutcome({ ok: false, message: e.message }),
  });
  const reset = useCallback(() => {
    setOutcome(null);
    setRound((n) => n + 1);
  }, []);
  useEffect(() => {
    document.title = `${title} | ${t('common.appName')}`;
  }, [title, t]);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(reset, RESET_MS);
    return () => clearTimeout(timer);
  }, [outcome, reset]);
  // Back at the start, the code field waits for the next person.
  useEffect(() => {
    if (round > 0) form.current?.querySelector('input')?.focus();
  }, [round]);
  if (places.isSuccess && !place)
    return (
      <>
        <h1 className="kiosk-title">{t('bookingKiosk.titlePlain')}</h1>
        <Alert kind="danger" title={t('bookingKiosk.placeNotFound')} />
      </>
    );
  const done = outcome?.ok === true ? outcome.result : null;
  return (
    <>
      <h1 className="kiosk-title">{title}</h1>
      <div aria-live="polite" className="kiosk-status">
        {done && (
          <div className="kiosk-done">
            <p className="kiosk-greeting">
              {done.maskedName
                ? t('bookingKiosk.done', { name: done.maskedName })
                : t('bookingKiosk.doneNoName')}
            </p>
            <p className="kiosk-where">
              {done.programTitle ? `${done.programTitle} · ` : ''}
              {t('bookingKiosk.where', {
                room: done.room,
                time: `${timeOf(done.start, i18n.language)}–${timeOf(done.end, i18n.language)}`,
              })}
            </p>
            <p className="note">{t('bookingKiosk.resetting')}</p>
          </div>
        )}
        {outcome?.ok === false && <Alert kind="danger" title={outcome.message} />}
      </div>
      {done ? (
        <div className="button-row">
          <Button onClick={reset}>{t('bookingKiosk.next')}</Button>
        </div>
      ) : (
        <div ref={form}>
          <p className="kiosk-lead">{t('bookingKiosk.lead')}</p>
          <CodeScanner key={round} onCode={(code) => check.mutate(code)} pending={check.isPending} />
        </div>
      )}
    </>
  );
}
