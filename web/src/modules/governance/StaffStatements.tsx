import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { moderate, useModerationQueue } from './api.ts';
import './deliberation.css';
import './messages.ts';

// /governance/staff/statements (from the staff home's queue): statements waiting for review, oldest
// first; accept, accept as meta, or reject.
export default function StaffStatementsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('deliberation.staffTitle')} roles={['staff', 'admin']}>
      {() => <StaffStatements />}
    </RequireSignIn>
  );
}

function StaffStatements() {
  const { t, i18n } = useTranslation();
  const queue = useModerationQueue();
  const toast = useToast();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (v: { id: string; moderation: 'accepted' | 'rejected'; meta: boolean }) =>
      moderate(v.id, { moderation: v.moderation, meta: v.meta }),
    onSuccess: (_, v) =>
      toast.show(
        v.moderation === 'accepted' ? t('deliberation.acceptedToast') : t('deliberation.rejectedToast'),
      ),
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['governance'] }),
  });
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { timeZone: 'Asia/Seoul' });
  return (
    <Page
      title={t('deliberation.staffTitle')}
      lead={t('deliberation.staffLead')}
      crumbs={[{ to: '/staff', label: t('deliberation.staffHome') }]}
    >
      <QueryState query={queue}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              icon="check"
              title={t('deliberation.staffNone')}
              text={t('deliberation.staffNoneText')}
            />
          ) : (
            <ul className="card-list">
              {data.items.map((s) => (
                <li key={s.id} className="card">
                  <p className="deliberation-statement-text">{s.text}</p>
                  <p>
                    <Link to={`/governance/deliberations/${s.deliberationId}`}>{s.deliberationTitle}</Link> ·{' '}
                    {t('deliberation.submittedOn', { day: day(s.createdAt) })}
                  </p>
                  <div className="deliberation-moderate">
                    <Button
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ id: s.id, moderation: 'accepted', meta: false })}
                    >
                      {t('deliberation.accept')}
                    </Button>
                    <Button
                      variant="secondary"
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ id: s.id, moderation: 'accepted', meta: true })}
                    >
                      {t('deliberation.acceptMeta')}
                    </Button>
                    <Button
                      variant="danger"
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ id: s.id, moderation: 'rejected', meta: false })}
                    >
                      {t('deliberation.reject')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
