import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useMe } from '../../../api/session.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { castBallot, type Poll, usePoll, usePollResults } from './api.ts';
import { PollResultsView } from './PollResultsView.tsx';
import { kindLabel } from './Polls.tsx';
import './messages.ts';
import './polls.css';

// /governance/polls/:id — who may vote, the ballot (whole-row radio buttons or checkboxes, the
// submit button full width at the bottom, "pick up to N" held on the page as on the server), then
// the results when they may be shown.
export default function PollPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const poll = usePoll(id);
  const results = usePollResults(id, poll.data?.resultsAvailable === true);
  const en = i18n.language === 'en';
  return (
    <Page
      title={poll.data?.title ?? t('poll.title')}
      lead={poll.data?.description}
      crumbs={[
        { to: '/governance', label: t('poll.governance') },
        { to: '/governance/polls', label: t('poll.title') },
      ]}
    >
      <QueryState query={poll}>
        {(p) => (
          <>
            <p className="poll-meta">
              <span className="badge">{t(`poll.state.${p.state}`)}</span>{' '}
              {p.sample && <span className="badge">{t('poll.sample')}</span>} {kindLabel(t, p)} ·{' '}
              {t('poll.period', { opens: formatDateTime(p.opensAt), closes: formatDateTime(p.closesAt) })}
            </p>
            {p.eligibility.length > 0 && (
              <section aria-labelledby="poll-who" className="section">
                <h2 id="poll-who">{t('poll.whoTitle')}</h2>
                <ul className="poll-rules">
                  {p.eligibility.map((r) => (
                    <li key={r.rule}>{en ? r.explanation.en : r.explanation.ko}</li>
                  ))}
                </ul>
              </section>
            )}
            <BallotSection poll={p} />
            <section aria-labelledby="poll-results" className="section">
              <h2 id="poll-results">{t('poll.resultsTitle')}</h2>
              {p.resultsAvailable ? (
                <QueryState query={results}>{(r) => <PollResultsView results={r} />}</QueryState>
              ) : (
                <p>{t('poll.resultsHidden')}</p>
              )}
            </section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

// A ballot the server refused because of what changed since the page was drawn (a ballot sent from
// another device or tab, the poll closing): its words stay on the page while the poll is read again.
function BallotSection({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);
  if (poll.myChoices) {
    const chosen = poll.options.filter((o) => poll.myChoices?.includes(o.id)).map((o) => o.label);
    const again = refusal?.code === 'governance_poll_already_voted';
    return (
      <Alert kind={again ? 'warning' : 'success'} title={again ? t('poll.alreadyVoted') : t('poll.voted')}>
        {again && <p>{refusal.message}</p>}
        <p>{t('poll.yourChoices', { choices: chosen.join(', ') })}</p>
      </Alert>
    );
  }
  if (refusal && poll.state !== 'open') return <Alert kind="warning">{refusal.message}</Alert>;
  if (poll.state === 'upcoming') return <Alert kind="info">{t('poll.notOpenYet')}</Alert>;
  if (poll.state === 'closed') return <Alert kind="info">{t('poll.closedNote')}</Alert>;
  if (me.isPending) return null;
  if (!me.data)
    return (
      <Alert kind="info" title={t('poll.signIn')}>
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('poll.signInLink')}</Link>
      </Alert>
    );
  return <BallotForm poll={poll} onRefused={setRefusal} />;
}

function BallotForm({
  poll,
  onRefused,
}: {
  poll: Poll;
  onRefused: (refusal: { code: string; message: string }) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [birthDate, setBirthDate] = useState('');
  const single = poll.kind === 'single';
  const max = poll.kind === 'pick_up_to' ? (poll.maxChoices ?? 1) : poll.options.length;
  const asksAge = poll.minAge !== null || poll.maxAge !== null;
  const vote = useMutation({
    mutationFn: () =>
      castBallot(poll.id, { optionIds: chosen, ...(asksAge && birthDate ? { birthDate } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['governance', 'poll', poll.id] });
      void queryClient.invalidateQueries({ queryKey: ['governance', 'poll-results', poll.id] });
      void queryClient.invalidateQueries({ queryKey: ['governance', 'polls'] });
    },
    onError: (error) => {
      // 409: already voted elsewhere, or the poll closed meanwhile; read the poll again.
      if (error instanceof ApiError && error.status === 409) {
        onRefused({ code: error.code, message: error.message });
        void queryClient.invalidateQueries({ queryKey: ['governance', 'poll', poll.id] });
        void queryClient.invalidateQueries({ queryKey: ['governance', 'poll-results', poll.id] });
      }
    },
  });
  const toggle = (id: string, on: boolean) =>
    setChosen((c) => (single ? [id] : on ? (c.length < max ? [...c, id] : c) : c.filter((x) => x !== id)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length > 0) vote.mutate();
  };
  const hint = single
    ? t('poll.singleHint')
    : poll.kind === 'pick_up_to'
      ? t('poll.pickHint', { max, count: chosen.length })
      : t('poll.multipleHint');
  return (
    <section aria-labelledby="poll-ballot" className="section">
      <h2 id="poll-ballot">{t('poll.ballotTitle')}</h2>
      <form className="poll-ballot" onSubmit={submit}>
        <fieldset aria-describedby="poll-ballot-hint">
          <legend>{poll.title}</legend>
          <p id="poll-ballot-hint" className="field-hint" aria-live="polite">
            {hint}
          </p>
          {poll.options.map((o) => {
            const checked = chosen.includes(o.id);
            // "Pick up to N": once N are chosen the others are disabled until one is unticked.
            const full = !single && !checked && chosen.length >= max;
            return (
              <label key={o.id} className="poll-option">
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name="poll-option"
                  value={o.id}
                  checked={checked}
                  disabled={full}
                  onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                />
                <span className="poll-option-text">
                  <span>{o.label}</span>
                  {o.description && <span className="poll-option-description">{o.description}</span>}
                </span>
              </label>
            );
          })}
        </fieldset>
        {asksAge && (
          <TextField
            label={t('poll.birthDate')}
            hint={t('poll.birthDateHint')}
            type="date"
            required
            value={birthDate}
            onChange={(e) => setBirthDate(e.currentTarget.value)}
          />
        )}
        <MutationAlert mutation={vote} />
        <Button type="submit" className="poll-submit" disabled={chosen.length === 0 || vote.isPending}>
          {vote.isPending ? t('poll.submitting') : t('poll.submit')}
        </Button>
      </form>
    </section>
  );
}
