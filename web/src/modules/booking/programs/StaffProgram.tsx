import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Program,
  REGISTRANT_LISTS,
  type StaffRegistration,
} from '../../../../../contracts/booking-programs.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { PrevNextPager, useCursorPages } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Table } from '../../../ui/Table.tsx';
import { staffCertificateUrl, useProgram, useStaffRegistrations, useSurveyResults } from './api.ts';
import { MinutesForm } from './Minutes.tsx';
import '../booking.css';
import '../../../platform/staff/messages.ts';
import './admin-messages.ts';
import './messages.ts';
import './programs.css';

type ListName = (typeof REGISTRANT_LISTS)[number];

// Staff: one program's sessions (each to its roll call), the people registered and waiting (a page
// at a time; reading their names is logged), and the satisfaction survey's results without names.
export default function StaffProgramPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('programs.staff.title')} roles={['staff', 'admin']}>
      {() => <StaffProgram />}
    </RequireSignIn>
  );
}

function StaffProgram() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useProgram(id);
  return (
    <QueryState query={program} loading={{ cards: 2 }}>
      {(p) => (
        <Page
          title={p.title}
          lead={t('programs.staff.registered', {
            registered: p.registered,
            capacity: p.capacity,
            waiting: p.waiting,
          })}
          crumbs={[
            { to: '/staff', label: t('staffHome.title') },
            { to: '/booking/staff/programs', label: t('programs.staff.title') },
          ]}
        >
          <p className="button-row">
            <Link className="btn btn-secondary" to={`/booking/staff/programs/${p.id}/edit`}>
              {t('programAdmin.edit')}
            </Link>
            {p.mode === 'lottery' && (
              <Link className="btn btn-secondary" to={`/booking/staff/programs/${p.id}/draw`}>
                {t('programAdmin.lottery')}
              </Link>
            )}
          </p>
          <Sessions program={p} />
          <MinutesForm program={p} />
          <People program={p} />
          <Survey id={p.id} />
        </Page>
      )}
    </QueryState>
  );
}

function Sessions({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="staff-sessions">
      <h2 id="staff-sessions" className="card-title">
        {t('programs.staff.sessionsTitle')}
      </h2>
      <ol className="booking-list">
        {p.sessions.map((s) => (
          <li key={s.id}>
            {formatDateTime(s.startsAt)} – {formatDateTime(s.endsAt)}
            {s.place ? ` · ${s.place}` : ''}{' '}
            <Link to={`/booking/staff/programs/${p.id}/sessions/${s.id}`}>
              {t('programs.staff.rollCall')}
              <span className="visually-hidden"> ({formatDateTime(s.startsAt)})</span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}

function People({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const [list, setList] = useState<ListName>('registered');
  const pages = useCursorPages();
  const people = useStaffRegistrations(p.id, list, pages.cursor);
  const total = p.sessions.length;
  return (
    <section className="card" aria-labelledby="staff-people">
      <h2 id="staff-people" className="card-title">
        {t('programs.staff.people')}
      </h2>
      <SelectField
        label={t('programs.staff.listLabel')}
        value={list}
        onChange={(e) => {
          setList(e.target.value as ListName);
          pages.reset();
        }}
      >
        {REGISTRANT_LISTS.map((l) => (
          <option key={l} value={l}>
            {t(`programs.staff.lists.${l}`)}
          </option>
        ))}
      </SelectField>
      <QueryState query={people} loading={{ lines: 4 }}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('programs.staff.nobody')}</p>
          ) : (
            <>
              <Table<StaffRegistration>
                caption={t(`programs.staff.lists.${list}`)}
                rows={data.items}
                rowKey={(r) => r.id}
                columns={[
                  {
                    header: t('programs.staff.name'),
                    rowHeader: true,
                    cell: (r) => r.name ?? t('programs.staff.noName'),
                  },
                  {
                    header: t('programs.staff.status'),
                    cell: (r) =>
                      t(`programs.status.${r.status}`, {
                        position: r.position ?? '',
                        until: r.offeredUntil ? formatDateTime(r.offeredUntil) : '',
                      }),
                  },
                  {
                    header: t('programs.staff.attended'),
                    numeric: true,
                    cell: (r) => `${r.attended} / ${total}`,
                  },
                  {
                    header: t('programs.staff.certificate'),
                    cell: (r) =>
                      p.completionPercent !== null &&
                      r.status === 'confirmed' &&
                      r.attended >= Math.ceil((p.completionPercent * total) / 100) ? (
                        <a href={staffCertificateUrl(p.id, r.id)} download>
                          PDF<span className="visually-hidden"> {r.name ?? ''}</span>
                        </a>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
              <PrevNextPager
                page={pages.page}
                shown={data.items.length}
                nextCursor={data.nextCursor}
                loading={people.isFetching}
                onPrevious={pages.previous}
                onNext={pages.next}
              />
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function Survey({ id }: { id: string }) {
  const { t } = useTranslation();
  const results = useSurveyResults(id);
  const scores = [1, 2, 3, 4, 5];
  return (
    <section className="card" aria-labelledby="staff-survey">
      <h2 id="staff-survey" className="card-title">
        {t('programs.staff.surveyTitle')}
      </h2>
      <QueryState query={results} loading={{ lines: 3 }}>
        {(r) =>
          r.responses === 0 ? (
            <p>{t('programs.staff.noAnswers')}</p>
          ) : (
            <>
              <p>
                {t('programs.staff.responses', { responses: r.responses, attendees: r.attendees })}
                <br />
                {r.average !== null && t('programs.staff.average', { average: r.average.toFixed(1) })} ·{' '}
                {t('programs.staff.recommendShare', { recommend: r.recommend })}
              </p>
              <Table<number>
                caption={t('programs.survey.overall')}
                rows={scores}
                rowKey={(s) => String(s)}
                columns={[
                  {
                    header: t('programs.staff.scoreHeader'),
                    rowHeader: true,
                    cell: (s) =>
                      `${t('programs.staff.score', { score: s })} (${(t('programs.survey.scores', { returnObjects: true }) as string[])[s - 1]})`,
                  },
                  { header: t('programs.staff.answers'), numeric: true, cell: (s) => r.distribution[s - 1] },
                ]}
              />
              {r.comments.length > 0 && (
                <>
                  <h3>{t('programs.staff.comments')}</h3>
                  <ul className="booking-list">
                    {r.comments.map((c, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id (anonymous)
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
