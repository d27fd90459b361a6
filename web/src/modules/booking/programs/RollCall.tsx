import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RollCall as Roll } from '../../../../../contracts/booking-programs.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../../ui/Button.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { PrevNextPager, useCursorPages } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { markAttendance, useRollCall } from './api.ts';
import '../booking.css';
import '../../../platform/staff/messages.ts';
import './messages.ts';
import './programs.css';

// Staff roll call (출석 확인) of one session: the people holding a seat, a page at a time, each
// present or absent (radio buttons, one group per person), saved together for the page.
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
          {/* A new page of people starts from what the server holds. */}
          <RollForm key={pages.cursor ?? 'first'} id={id} sessionId={sessionId} data={data} />
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
