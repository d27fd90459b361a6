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
// buttons, one group per person), saved together for the page. A code check-in refreshes the list
// from the server without losing the marks not saved yet: each row shows its unsaved mark, else what
// the server holds; the person just checked in loses theirs and shows present.
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
  // The last code check-in (a count, so the same person twice is seen twice).
  const [checkedIn, setCheckedIn] = useState<CheckedIn | null>(null);
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
          <SessionScan
            id={id}
            sessionId={sessionId}
            onDone={(registrationId) => setCheckedIn((c) => ({ registrationId, n: (c?.n ?? 0) + 1 }))}
          />
          {/* A new page of people starts from what the server holds. */}
          <RollForm
            key={pages.cursor ?? 'first'}
            id={id}
            sessionId={sessionId}
            data={data}
            checkedIn={checkedIn}
          />
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
interface CheckedIn {
  registrationId: string;
  n: number;
}

function SessionScan({
  id,
  sessionId,
  onDone,
}: {
  id: string;
  sessionId: string;
  onDone: (registrationId: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(0);
  const scan = useMutation({
    mutationFn: (code: string) => checkInToSession({ id, sessionId, code }),
    onSuccess: async (answer) => {
      setDone((n) => n + 1);
      // The list comes back with the person present; then their unsaved mark, if any, gives way.
      await queryClient.invalidateQueries({ queryKey: ['booking', 'staff', 'roll', id, sessionId] });
      onDone(answer.registrationId);
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

function RollForm({
  id,
  sessionId,
  data,
  checkedIn,
}: {
  id: string;
  sessionId: string;
  data: Roll;
  checkedIn: CheckedIn | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Only the marks staff set and have not saved; every other row shows what the server holds.
  const [unsaved, setUnsaved] = useState<Record<string, boolean>>({});
  // A code check-in since the last render: that person's unsaved mark gives way to the server's.
  const [seenCheckIn, setSeenCheckIn] = useState(checkedIn);
  if (checkedIn !== seenCheckIn) {
    setSeenCheckIn(checkedIn);
    if (checkedIn && checkedIn.registrationId in unsaved)
      setUnsaved(({ [checkedIn.registrationId]: _, ...rest }) => rest);
  }
  const marks: Record<string, boolean | null> = Object.fromEntries(
    data.items.map((r) => [r.registrationId, unsaved[r.registrationId] ?? r.present]),
  );
  const save = useMutation({
    mutationFn: markAttendance,
    onSuccess: async (_answer, sent) => {
      await queryClient.invalidateQueries({ queryKey: ['booking', 'staff'] });
      // Saved marks are the server's now; one changed while saving stays unsaved.
      setUnsaved((u) =>
        Object.fromEntries(
          Object.entries(u).filter(
            ([registrationId, present]) =>
              !sent.marks.some((m) => m.registrationId === registrationId && m.present === present),
          ),
        ),
      );
    },
    onError: () => queryClient.invalidateQueries({ queryKey: ['booking', 'staff'] }),
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
          onClick={() => setUnsaved(Object.fromEntries(data.items.map((r) => [r.registrationId, true])))}
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
                      onChange={() => setUnsaved((m) => ({ ...m, [r.registrationId]: present }))}
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
