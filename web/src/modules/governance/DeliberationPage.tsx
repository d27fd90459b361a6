import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { StatementBody } from '../../../../contracts/governance-deliberations.ts';
import { hasRole, useMe } from '../../api/session.ts';
import { errorOf, useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextArea } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useToast } from '../../ui/Toast.tsx';
import {
  castVote,
  type Deliberation,
  submitStatement,
  useDeliberation,
  useNextStatement,
  useOpinionMap,
  type VoteChoice,
} from './api.ts';
import { OpinionMapView } from './OpinionMapView.tsx';
import './deliberation.css';
import './messages.ts';

// /governance/deliberations/:id — the voting card (one statement at a time, three big buttons within
// a thumb's reach, progress), a form to add a statement, then the opinion map.
export default function DeliberationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const deliberation = useDeliberation(id);
  const map = useOpinionMap(id);
  return (
    <Page
      title={deliberation.data?.title ?? t('deliberation.title')}
      lead={deliberation.data?.description}
      crumbs={[
        { to: '/governance', label: t('deliberation.governance') },
        { to: '/governance/deliberations', label: t('deliberation.title') },
      ]}
    >
      <QueryState query={deliberation}>
        {(d) => (
          <>
            {d.sample && <p className="badge">{t('deliberation.sample')}</p>}
            {d.status === 'open' ? (
              <VotingCard deliberation={d} />
            ) : (
              <Alert kind="info">{t('deliberation.closedNote')}</Alert>
            )}
          </>
        )}
      </QueryState>
      <section aria-labelledby="deliberation-map-title" className="section">
        <h2 id="deliberation-map-title">{t('deliberation.mapTitle')}</h2>
        <QueryState query={map}>{(m) => <OpinionMapView map={m} />}</QueryState>
      </section>
      <StaffExport deliberationId={id} />
    </Page>
  );
}

function VotingCard({ deliberation }: { deliberation: Deliberation }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const signedIn = !!me.data;
  const next = useNextStatement(deliberation.id, signedIn);
  const queryClient = useQueryClient();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const vote = useMutation({
    mutationFn: ({ statementId, choice }: { statementId: string; choice: VoteChoice }) =>
      castVote(deliberation.id, statementId, choice),
    onSuccess: (answer) => {
      queryClient.setQueryData(['governance', 'next', deliberation.id], answer);
      void queryClient.invalidateQueries({ queryKey: ['governance', 'map', deliberation.id] });
    },
  });
  if (me.isPending) return null;
  if (!signedIn)
    return (
      <Alert kind="info">
        {t('deliberation.signIn')}{' '}
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('shell.login')}</Link>
      </Alert>
    );
  return (
    <>
      <section aria-labelledby="deliberation-vote-title" className="section deliberation-card">
        <h2 id="deliberation-vote-title">{t('deliberation.voteTitle')}</h2>
        <QueryState query={next}>
          {(n) => (
            <>
              <p className="deliberation-progress" ref={statusRef} aria-live="polite">
                {vote.isSuccess && n.statement ? `${t('deliberation.voted')} ` : ''}
                {t('deliberation.progress', { voted: n.voted, total: n.total })}
              </p>
              <progress
                className="deliberation-progress-bar"
                max={Math.max(1, n.total)}
                value={n.voted}
                aria-hidden="true"
              />
              {n.statement ? (
                <>
                  <blockquote
                    className="deliberation-statement"
                    aria-label={t('deliberation.statementLabel')}
                  >
                    <p>{n.statement.text}</p>
                  </blockquote>
                  <div className="deliberation-buttons">
                    {(['agree', 'disagree', 'pass'] as const).map((choice) => (
                      <Button
                        key={choice}
                        variant={choice === 'pass' ? 'secondary' : 'primary'}
                        className={`deliberation-vote is-${choice}`}
                        disabled={vote.isPending}
                        onClick={() => {
                          if (n.statement) vote.mutate({ statementId: n.statement.id, choice });
                        }}
                      >
                        {t(`deliberation.${choice}`)}
                      </Button>
                    ))}
                  </div>
                  <MutationAlert mutation={vote} />
                </>
              ) : (
                <Alert kind="success">
                  <p>{t('deliberation.allVoted')}</p>
                  <p>{t('deliberation.allVotedText')}</p>
                </Alert>
              )}
            </>
          )}
        </QueryState>
      </section>
      <AddStatement deliberationId={deliberation.id} />
    </>
  );
}

function AddStatement({ deliberationId }: { deliberationId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const form = useZodForm(StatementBody, { defaultValues: { text: '' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: StatementBody) => submitStatement(deliberationId, body),
    onSuccess: () => {
      form.reset({ text: '' });
      toast.show(t('deliberation.added'));
    },
  });
  return (
    <section aria-labelledby="deliberation-add-title" className="section">
      <h2 id="deliberation-add-title">{t('deliberation.addTitle')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <TextArea
          label={t('deliberation.addLabel')}
          hint={t('deliberation.addHint')}
          error={errorOf(form.formState.errors, 'text')}
          rows={3}
          maxLength={140}
          required
          {...form.register('text')}
        />
        {mutation.isError && <MutationAlert mutation={mutation} />}
        <Button type="submit" disabled={mutation.isPending}>
          {t('deliberation.addSubmit')}
        </Button>
      </form>
    </section>
  );
}

const EXPORTS = [
  ['comments.csv', 'exportComments'],
  ['votes.csv', 'exportVotes'],
  ['participants-votes.csv', 'exportParticipants'],
] as const;

/** Staff only: the Pol.is open-data files of the deliberation (the server refuses anyone else). */
function StaffExport({ deliberationId }: { deliberationId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasRole(me.data, 'staff', 'admin')) return null;
  return (
    <section aria-labelledby="deliberation-export-title" className="section">
      <h2 id="deliberation-export-title">{t('deliberation.exportTitle')}</h2>
      <p>{t('deliberation.exportLead')}</p>
      <ul className="link-list" aria-labelledby="deliberation-export-title">
        {EXPORTS.map(([file, label]) => (
          <li key={file}>
            <a href={`/api/v1/governance/deliberations/${deliberationId}/export/${file}`} download>
              {t(`deliberation.${label}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
