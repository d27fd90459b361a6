import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SURVEY_COMMENT_MAX } from '../../../../../contracts/booking-programs.ts';
import { useMe } from '../../../api/session.ts';
import { Button } from '../../../ui/Button.tsx';
import { TextArea, TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import {
  answerSurvey,
  calendarUrl,
  cancelRegistration,
  certificateUrl,
  confirmOffer,
  type MyRegistration,
  type Program,
  register,
  useMyRegistrations,
  useProgram,
} from './api.ts';
import { LotteryOutcome } from './LotteryOutcome.tsx';
import { ProgramMinutes } from './Minutes.tsx';
import '../booking.css';
import '../messages.ts';
import './messages.ts';
import './programs.css';

// One program: its sessions, who may register and the seats left, with the person's registration
// (register, a waiting-list place, an offered seat to confirm, or cancel).
export default function ProgramPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useProgram(id);
  return (
    <QueryState query={program} loading={{ cards: 2 }}>
      {(p) => (
        <Page
          title={p.title}
          lead={p.description}
          crumbs={[
            { to: '/booking', label: t('booking.title') },
            { to: '/booking/programs', label: t('programs.title') },
          ]}
        >
          <ProgramMinutes program={p} />
          <Details program={p} />
          <Outcome program={p} />
          <Registration program={p} />
        </Page>
      )}
    </QueryState>
  );
}

/** The lottery's seed and the person's own result, once drawn (their registrations when signed in). */
function Outcome({ program }: { program: Program }) {
  const me = useMe();
  const mine = useMyRegistrations(Boolean(me.data));
  return <LotteryOutcome program={program} mine={me.data ? (mine.data?.items ?? []) : null} />;
}

function Details({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const who = [
    p.minAge || p.maxAge ? t('programs.ages', { range: `${p.minAge ?? ''}–${p.maxAge ?? ''}` }) : '',
    p.residentsOnly ? t('programs.residentsOnly') : '',
  ].filter(Boolean);
  return (
    <section className="card" aria-labelledby="program-facts">
      <h2 id="program-facts" className="card-title">
        {t(`programs.areas.${p.area}`)} · {t(`programs.kind.${p.kind}`)}{' '}
        {p.sample && <span className="badge">{t('programs.sample')}</span>}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('programs.eligibility')}</dt>
          <dd>{who.length > 0 ? who.join(' · ') : t('programs.anyone')}</dd>
        </div>
        <div>
          <dt>{p.mode === 'lottery' ? t('programs.lottery') : t('programs.register')}</dt>
          <dd>
            {t('programs.window', { from: formatDateTime(p.opensAt), to: formatDateTime(p.closesAt) })}
            <br />
            {t('programs.seats', { capacity: p.capacity, left: p.seatsLeft })}
            {p.waiting > 0 ? ` · ${t('programs.waiting', { count: p.waiting })}` : ''}
          </dd>
        </div>
      </dl>
      <h3>{t('programs.sessions')}</h3>
      <ul className="booking-list">
        {p.sessions.map((s) => (
          <li key={s.id}>
            {formatDateTime(s.startsAt)} – {formatDateTime(s.endsAt)}
            {s.place ? ` · ${s.place}` : ''}
            {s.online ? ` · ${t('programs.online')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Registration({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = useMyRegistrations(Boolean(me.data));
  const queryClient = useQueryClient();
  const [birthDate, setBirthDate] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['booking'] });
  const registerMutation = useMutation({ mutationFn: register, onSettled: refresh });
  const cancelMutation = useMutation({ mutationFn: cancelRegistration, onSettled: refresh });
  const confirmMutation = useMutation({ mutationFn: confirmOffer, onSettled: refresh });
  if (!me.data)
    return (
      <p>
        <Link to="/login">{t('programs.signInToRegister')}</Link>
      </p>
    );
  const current = mine.data?.items.find(
    (r) => r.programId === p.id && r.status !== 'cancelled' && r.status !== 'lost',
  );
  const open = Date.now() >= Date.parse(p.opensAt) && Date.now() < Date.parse(p.closesAt);
  const needsAge = Boolean(p.minAge || p.maxAge);
  return (
    <section className="card" aria-labelledby="my-registration">
      <h2 id="my-registration" className="card-title">
        {current ? (
          <StatusText r={current} />
        ) : p.mode === 'lottery' ? (
          t('programs.apply')
        ) : (
          t('programs.register')
        )}
      </h2>
      <MutationAlert mutation={registerMutation} success={t('programs.done')} />
      <MutationAlert mutation={cancelMutation} success={t('programs.cancelled')} />
      <MutationAlert mutation={confirmMutation} success={t('programs.confirmed')} />
      {!current && open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            registerMutation.mutate({ id: p.id, birthDate: needsAge ? birthDate : undefined });
          }}
        >
          {needsAge && (
            <TextField
              type="date"
              label={t('programs.birthDate')}
              hint={t('programs.birthDateHint')}
              required
              value={birthDate}
              onChange={(e) => setBirthDate(e.target.value)}
            />
          )}
          <Button type="submit" disabled={registerMutation.isPending}>
            {p.mode === 'lottery' ? t('programs.apply') : t('programs.register')}
          </Button>
        </form>
      )}
      {(current?.status === 'confirmed' || current?.status === 'offered') && (
        <p>
          <a href={calendarUrl(p.id)} download>
            {t('programs.addToCalendar')}
          </a>
        </p>
      )}
      {current?.progress && <Progress programId={p.id} progress={current.progress} />}
      {current?.survey === 'open' && <SurveyForm programId={p.id} />}
      {current?.survey === 'answered' && <p>{t('programs.survey.thanks')}</p>}
      {current && current.survey === 'none' && (
        <div className="button-row">
          {current.status === 'offered' && (
            <Button onClick={() => confirmMutation.mutate(p.id)} disabled={confirmMutation.isPending}>
              {t('programs.confirm')}
            </Button>
          )}
          <Button
            variant="danger"
            onClick={() => cancelMutation.mutate(p.id)}
            disabled={cancelMutation.isPending}
          >
            {t('programs.cancel')}
          </Button>
        </div>
      )}
    </section>
  );
}

function StatusText({ r }: { r: MyRegistration }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`programs.status.${r.status}`, {
        position: r.position ?? '',
        until: r.offeredUntil ? formatDateTime(r.offeredUntil) : '',
      })}
    </>
  );
}

function Progress({
  programId,
  progress: g,
}: {
  programId: string;
  progress: NonNullable<MyRegistration['progress']>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        {t('programs.progress', { attended: g.attended, sessions: g.sessions })}
        {g.required !== null && (
          <>
            <br />
            {t('programs.required', { required: g.required })}
          </>
        )}
      </p>
      {g.completed && (
        <p>
          <strong>{t('programs.completed')}</strong>{' '}
          <a href={certificateUrl(programId)} download>
            {t('programs.certificate')}
          </a>
        </p>
      )}
    </>
  );
}

function SurveyForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [overall, setOverall] = useState<number | null>(null);
  const [recommend, setRecommend] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: answerSurvey,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  const scores = t('programs.survey.scores', { returnObjects: true }) as string[];
  return (
    <form
      aria-labelledby="program-survey"
      onSubmit={(e) => {
        e.preventDefault();
        if (overall !== null && recommend !== null)
          send.mutate({ id: programId, body: { overall, recommend, comment } });
      }}
    >
      <h3 id="program-survey">{t('programs.survey.title')}</h3>
      <p>{t('programs.survey.lead')}</p>
      <MutationAlert mutation={send} />
      <fieldset>
        <legend>{t('programs.survey.overall')}</legend>
        {scores.map((label, i) => (
          <label key={label} className="survey-choice">
            <input
              type="radio"
              name="overall"
              required
              checked={overall === i + 1}
              onChange={() => setOverall(i + 1)}
            />{' '}
            {i + 1} · {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('programs.survey.recommend')}</legend>
        {([true, false] as const).map((yes) => (
          <label key={String(yes)} className="survey-choice">
            <input
              type="radio"
              name="recommend"
              required
              checked={recommend === yes}
              onChange={() => setRecommend(yes)}
            />{' '}
            {yes ? t('programs.survey.yes') : t('programs.survey.no')}
          </label>
        ))}
      </fieldset>
      <TextArea
        label={t('programs.survey.comment')}
        maxLength={SURVEY_COMMENT_MAX}
        rows={4}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Button type="submit" disabled={send.isPending}>
        {t('programs.survey.submit')}
      </Button>
    </form>
  );
}
