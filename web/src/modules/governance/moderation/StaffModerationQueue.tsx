import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueItem } from '../../../../../contracts/governance-moderation.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../../ui/Button.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { TextArea } from '../../../ui/Field.tsx';
import { Page } from '../../../ui/Page.tsx';
import { PrevNextPager, useCursorPages } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { decide, decideAppeal, useModerationQueue } from './api.ts';
import './messages.ts';
import './moderation.css';

// /governance/staff/moderation (from the staff home's queue): reported proposals and comments and
// appeals, oldest first, ten at a time; hide or show again with a reason the author is told.
export default function StaffModerationQueuePage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('moderation.staffTitle')} roles={['staff', 'admin']}>
      {() => <StaffModerationQueue />}
    </RequireSignIn>
  );
}

function StaffModerationQueue() {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const queue = useModerationQueue(pages.cursor);
  return (
    <Page
      title={t('moderation.staffTitle')}
      lead={t('moderation.staffLead')}
      crumbs={[{ to: '/staff', label: t('shell.staffHome') }]}
    >
      <QueryState query={queue}>
        {(data) =>
          data.items.length === 0 && pages.page === 1 ? (
            <EmptyState icon="check" title={t('moderation.none')} text={t('moderation.noneText')} />
          ) : (
            <>
              <ul className="card-list">
                {data.items.map((item) => (
                  <QueueCard key={`${item.targetType}-${item.targetId}`} item={item} />
                ))}
              </ul>
              <PrevNextPager
                page={pages.page}
                shown={data.items.length}
                nextCursor={data.nextCursor}
                loading={queue.isFetching}
                onPrevious={pages.previous}
                onNext={pages.next}
              />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

function QueueCard({ item }: { item: QueueItem }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  // A waiting appeal is answered as such (accepted: shown again; rejected: stays hidden).
  const onAppeal = item.appealState === 'pending';
  const mutation = useMutation({
    mutationFn: (decision: 'hide' | 'restore') =>
      onAppeal
        ? decideAppeal(item.targetType, item.targetId, {
            decision: decision === 'restore' ? 'accept' : 'reject',
            reason: reason.trim(),
          })
        : decide(item.targetType, item.targetId, { decision, reason: reason.trim() }),
    onSuccess: (_, decision) =>
      toast.show(
        onAppeal
          ? t(decision === 'restore' ? 'moderation.acceptedToast' : 'moderation.rejectedToast')
          : t(decision === 'hide' ? 'moderation.hiddenToast' : 'moderation.restoredToast'),
      ),
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['governance'] }),
  });
  const go = (decision: 'hide' | 'restore') => {
    if (reason.trim().length < 2) {
      setError(t('moderation.needReason'));
      return;
    }
    setError(undefined);
    mutation.mutate(decision);
  };
  const day = new Date(item.firstReportedAt).toLocaleDateString(i18n.language, { timeZone: 'Asia/Seoul' });
  const headingId = `moderation-${item.targetId}`;
  return (
    <li className="card moderation-item">
      <h2 id={headingId} className="card-title">
        {t(`moderation.kind.${item.targetType}`)} · {t(`moderation.state.${item.state}`)}
      </h2>
      <p className="moderation-excerpt">{item.excerpt}</p>
      <p className="moderation-meta">
        {t('moderation.reports', { count: item.reports })} ·{' '}
        {item.reasons
          .map((r) =>
            t('moderation.reasonCount', { reason: t(`moderation.reasons.${r.reason}`), count: r.count }),
          )
          .join(', ')}{' '}
        · {t('moderation.firstReported', { day })}
      </p>
      <p>
        <Link to={`/governance/proposals/${item.proposalId}`}>
          {t('moderation.openProposal', { title: item.title })}
        </Link>
      </p>
      {item.appeal && (
        <>
          <h3>{t('moderation.appeal')}</h3>
          <p className="moderation-appeal">{item.appeal}</p>
          {onAppeal && <p className="note">{t('moderation.appealPending')}</p>}
        </>
      )}
      <TextArea
        label={t('moderation.decisionReason')}
        hint={t('moderation.decisionReasonHint')}
        error={error}
        value={reason}
        maxLength={500}
        rows={2}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="button-row">
        <Button variant="danger" disabled={mutation.isPending} onClick={() => go('hide')}>
          {onAppeal ? t('moderation.rejectAppeal') : t('moderation.hide')}
        </Button>
        <Button variant="secondary" disabled={mutation.isPending} onClick={() => go('restore')}>
          {onAppeal ? t('moderation.acceptAppeal') : t('moderation.restore')}
        </Button>
      </div>
    </li>
  );
}
