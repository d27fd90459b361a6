import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RollCall as Roll } from '../../../../../contracts/booking-programs.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { PrevNextPager, useCursorPages } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { CodeScanner } from '../CodeScanner.tsx';
import '../kiosk-messages.ts';
import { checkInToSession, markAttendance, useRollCall } from './api.ts';
import '../booking.css';
import '../../../platform/staff/messages.ts';
import './messages.ts';
import './programs.css';

// Staff roll call (출석 확인) of one session: scan or type a person's QR code (CodeScanner) to mark
// them present, or the people holding a seat, a page at a time, each present or absent (radio
// buttons, one group per person), saved together for the page.
export default function RollCallPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('programs.staff.rollTitle')} roles={['staff', 'admin']}>
      {() => <RollCall />}
    </RequireSignIn>
  );
}

function RollCall() {
  const { t } = useTranslation();
  const { id = '', sessionId = '' } = useParams();
  const pages = useCursorPages();
  const roll = useRollCall(id, sessionId, pages.cursor);
  // Each code check-in reloads the form from the server (it shows the person present).
  const [scanned, setScanned] = useState(0);
  return (
    <QueryState query={roll} loading={{ lines: 6 }}>
      {(data) => (
        <Page
          title={`${t('programs.staff.rollTitle')} · ${formatDateTime(data.session.startsAt)}`}
          lead={t('programs.staff.rollLead')}
          crumbs={[
            { to: '/staff', label: t('staffHome.title') },
            { to: '/booking/staff/programs', label: t('programs.staff.title') },
            { to: `/booking/staff/programs/${id}`, label: t('programs.staff.back') },
          ]}
        >
          <SessionScan id={id} sessionId={sessionId} onDone={() => setScanned((n) => n + 1)} />
          {/* A new page of people (or a code check-in) starts from what the server holds. */}
          <RollForm key={`${pages.cursor ?? 'first'}-${scanned}`} id={id} sessionId={sessionId} data={data} />
          <PrevNextPager
            page={pages.page}
            shown={data.items.length}
            nextCursor={data.nextCursor}
            loading={roll.isFetching}
            onPrevious={pages.previous}
            onNext={pages.next}
          />
        </Page>
      )}
    </QueryState>
  );
}

/** Scan or type a person's code: marks them present at this session (inside its window). */
function SessionScan({ id, sessionId, onDone }: { id: string; sessionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(0);
  const scan = useMutation({
    mutationFn: (code: string) => checkInToSession({ id, sessionId, code }),
    onSuccess: async () => {
      setDone((n) => n + 1);
      await queryClient.invalidateQueries({ queryKey: ['booking', 'staff', 'roll', id, sessionId] });
      onDone();
    },
  });
  return (
    <section aria-labelledby="session-scan" className="section">
      <h2 id="session-scan">{t('bookingKiosk.sessionScanTitle')}</h2>
      <p className="note">{t('bookingKiosk.sessionScanLead')}</p>
      <div aria-live="polite">
        {scan.isSuccess && (
          <Alert kind="success" title={t('bookingKiosk.sessionDone', { name: scan.data.name ?? '—' })} />
        )}
        {scan.isError && <Alert kind="danger" title={scan.error.message} />}
      </div>
      <CodeScanner
        onCode={(code) => scan.mutate(code)}
        pending={scan.isPending}
        submitLabel={t('bookingKiosk.sessionSubmit')}
        clearKey={done}
      />
    </section>
  );
}

function RollForm({ id, sessionId, data }: { id: string; sessionId: string; data: Roll }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [marks, setMarks] = useState<Record<string, boolean | null>>(() =>
    Object.fromEntries(data.items.map((r) => [r.registrationId, r.present])),
  );
  const save = useMutation({
    mutationFn: markAttendance,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking', 'staff'] }),
  });
  const marked = Object.entries(marks).filter((e): e is [string, boolean] => e[1] !== null);
  if (data.items.length === 0) return <p>{t('programs.staff.nobody')}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          id,
          sessionId,
          marks: marked.map(([registrationId, present]) => ({ registrationId, present })),
        });
      }}
    >
      <MutationAlert mutation={save} success={save.data ? t('programs.staff.saved', save.data) : ''} />
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => setMarks(Object.fromEntries(data.items.map((r) => [r.registrationId, true])))}
        >
          {t('programs.staff.allPresent')}
        </Button>
      </div>
      <ul className="booking-list roll-call">
        {data.items.map((r) => {
          const name = r.name ?? t('programs.staff.noName');
          const value = marks[r.registrationId];
          return (
            <li key={r.registrationId}>
              <fieldset className="roll-call-person">
                <legend>{name}</legend>
                {([true, false] as const).map((present) => (
                  <label key={String(present)} className="roll-call-choice">
                    <input
                      type="radio"
                      name={`present-${r.registrationId}`}
                      checked={value === present}
                      onChange={() => setMarks((m) => ({ ...m, [r.registrationId]: present }))}
                    />{' '}
                    {present ? t('programs.staff.present') : t('programs.staff.absent')}
                  </label>
                ))}
                {value === null && <span className="badge">{t('programs.staff.unmarked')}</span>}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <Button type="submit" disabled={save.isPending || marked.length === 0}>
        {t('programs.staff.save')}
      </Button>
    </form>
  );
}
