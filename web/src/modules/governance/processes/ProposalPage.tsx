import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { hasRole, useMe } from '../../../api/session.ts';
import { Button } from '../../../ui/Button.tsx';
import { formatDate, formatNumber } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { type MyModerationItem, useMyHidden } from '../moderation/api.ts';
import { HiddenNotice } from '../moderation/HiddenNotice.tsx';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { Amendments } from './Amendments.tsx';
import { AnswerForm } from './AnswerForm.tsx';
import { type Proposal, setSupport, useProposal } from './api.ts';
import { Comments } from './Comments.tsx';
import { AuthorTools, WithdrawnNotice } from './ProposalAuthorTools.tsx';
import { ImageEditor, ProposalFigure } from './ProposalImage.tsx';
import './authoring-messages.ts';
import './messages.ts';
import './processes.css';

// /governance/proposals/:id — the proposal, its supports, the official answer, amendments and the
// threaded comments with stances.
export default function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const proposal = useProposal(id);
  const me = useMe();
  const p = proposal.data;
  return (
    <Page
      title={p?.title ?? t('process.proposalsTitle')}
      crumbs={[
        { to: '/governance', label: t('process.governance') },
        { to: '/governance/processes', label: t('process.title') },
        ...(p ? [{ to: `/governance/processes/${p.processId}`, label: p.processTitle }] : []),
      ]}
    >
      <QueryState query={proposal}>
        {(p) => (
          <AuthorView proposal={p}>
            {(mine) => (
              <>
                {mine.get(p.id) && <HiddenNotice item={mine.get(p.id)!} />}
                <WithdrawnNotice proposal={p} />
                <p className="proposal-badges">
                  <span className="badge">{t(`process.category.${p.category}`)}</span>
                  {p.answerStatus && (
                    <span className="badge">{t(`process.answerStatus.${p.answerStatus}`)}</span>
                  )}
                  {p.sample && <span className="badge">{t('process.sample')}</span>}
                </p>
                <p className="proposal-meta">
                  {t('process.byline', { author: p.author, day: formatDate(p.createdAt) })}
                  {p.place && ` · ${t('process.place', { place: p.place })}`}
                </p>
                {p.mine.author && <p className="proposal-meta">{t('process.ownNote')}</p>}
                <ProposalFigure image={p.image} />
                <div className="proposal-body">{p.body}</div>
                {p.version > 1 && (
                  <p className="proposal-meta">{t('process.versionNote', { version: p.version })}</p>
                )}
                <ReportButton targetType="proposal" targetId={p.id} mine={p.mine.author} />
                <AuthorTools proposal={p} />
                <ImageEditor proposal={p} staff={hasRole(me.data, 'staff', 'admin')} />
                <SupportBox proposal={p} signedIn={!!me.data} />
                <section aria-labelledby="proposal-answer" className="section">
                  <h2 id="proposal-answer">{t('process.answerTitle')}</h2>
                  {p.answer ? (
                    <div className="answer-box">
                      <p>
                        <strong>{t(`process.answerStatus.${p.answer.status}`)}</strong> ·{' '}
                        {t('process.answeredOn', { day: formatDate(p.answer.answeredAt) })}
                      </p>
                      <p className="proposal-body">{p.answer.reason}</p>
                      {p.answer.cost !== null && (
                        <p>{t('process.answerCost', { cost: formatNumber(p.answer.cost) })}</p>
                      )}
                      {p.answer.period && <p>{t('process.answerPeriod', { period: p.answer.period })}</p>}
                    </div>
                  ) : (
                    <p>{t('process.answerNone')}</p>
                  )}
                  {/* Staff cannot answer a proposal its author withdrew (the server refuses with 409). */}
                  {hasRole(me.data, 'staff', 'admin') &&
                    (p.withdrawnAt ? (
                      <p className="proposal-meta">{t('proposalAuthor.answerWithdrawn')}</p>
                    ) : (
                      <AnswerForm proposal={p} />
                    ))}
                </section>
                {/* A withdrawn proposal takes no more amendments or comments: the forms are not offered. */}
                <Amendments proposal={p} signedIn={!!me.data && !p.withdrawnAt} />
                <Comments proposal={p} signedIn={!!me.data && !p.withdrawnAt} mine={mine} />
              </>
            )}
          </AuthorView>
        )}
      </QueryState>
    </Page>
  );
}

/**
 * The caller's own hidden or appealed posts in this proposal (the proposal or their comments), by id,
 * asked for only when they wrote something here: the notices and appeal forms only authors see.
 */
function AuthorView({
  proposal,
  children,
}: {
  proposal: Proposal;
  children: (mine: Map<string, MyModerationItem>) => ReactNode;
}) {
  const wrote = proposal.mine.author || proposal.commentList.some((c) => c.own);
  const hidden = useMyHidden({ proposalId: proposal.id, enabled: wrote });
  const mine = new Map((hidden.data?.items ?? []).map((i) => [i.targetId, i]));
  return <>{children(mine)}</>;
}

function SupportBox({ proposal, signedIn }: { proposal: Proposal; signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const support = useMutation({
    mutationFn: (on: boolean) => setSupport(proposal.id, on),
    onSuccess: (result) => {
      toast.show(t(result.supported ? 'process.supported' : 'process.unsupported'));
      void queryClient.invalidateQueries({ queryKey: ['governance', 'proposal', proposal.id] });
      void queryClient.invalidateQueries({ queryKey: ['governance', 'proposals', proposal.processId] });
    },
  });
  return (
    <section aria-labelledby="proposal-support" className="section support-box">
      <h2 id="proposal-support" className="support-count">
        {t('process.supportCount', { count: proposal.supports, threshold: proposal.supportThreshold })}
      </h2>
      {proposal.eligible && <p>{t('process.eligibleNote')}</p>}
      {!signedIn ? (
        <p>
          {t('process.signIn')}{' '}
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('process.login')}</Link>
        </p>
      ) : proposal.withdrawnAt ? (
        <p>{t('proposalAuthor.withdrawn')}</p>
      ) : proposal.open ? (
        <Button
          variant={proposal.mine.supported ? 'secondary' : 'primary'}
          aria-pressed={proposal.mine.supported}
          disabled={support.isPending}
          onClick={() => support.mutate(!proposal.mine.supported)}
        >
          {proposal.mine.supported ? t('process.unsupport') : t('process.support')}
        </Button>
      ) : (
        <p>{t('process.proposeClosed')}</p>
      )}
      {support.isError && <MutationAlert mutation={support} />}
    </section>
  );
}
