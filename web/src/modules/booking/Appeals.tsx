import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffAppeal } from '../../../../contracts/booking.ts';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { Page } from '../../ui/Page.tsx';
import { MorePager } from '../../ui/Pager.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { decideAppeal, useAppeals } from './api.ts';
import { dayLabel, dayOf } from './format.ts';
import './booking.css';
import './messages.ts';

// Staff: appeals against booking suspensions (the staff home's queue), oldest first, page by page;
// each lifted or rejected with a reason the person is told.
export default function AppealsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('booking.appealsTitle')} roles={['staff', 'admin']}>
      {() => <Appeals />}
    </RequireSignIn>
  );
}

function Appeals() {
  const { t, i18n } = useTranslation();
  const appeals = useAppeals();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<{ appeal: StaffAppeal; lift: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () => decideAppeal(deciding?.appeal.id ?? '', deciding?.lift ?? false, reason.trim()),
    onSuccess: () => {
      toast.show(deciding?.lift ? t('booking.liftedToast') : t('booking.rejectedToast'));
      setDeciding(null);
      setReason('');
    },
    onError: (e) => toast.show(e.message, { kind: 'danger' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['booking'] }),
  });
  return (
    <Page
      title={t('booking.appealsTitle')}
      lead={t('booking.appealsLead')}
      crumbs={[
        { to: '/staff', label: t('shell.staffHome') },
        { to: '/booking/staff', label: t('booking.staff') },
      ]}
    >
      <QueryState query={appeals}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <EmptyState
                headingLevel={2}
                title={t('booking.appealsNone')}
                text={t('booking.appealsNoneText')}
              />
            );
          return (
            <>
              <ul className="booking-list">
                {items.map((a) => (
                  <li key={a.id} className="booking-item">
                    <h2 className="card-title">{a.person ?? '—'}</h2>
                    <p>
                      {t('booking.appealSuspended', {
                        from: dayOf(a.startsAt, i18n.language),
                        to: dayLabel(a.endsOn, i18n.language),
                        count: a.noShows,
                      })}
                    </p>
                    <blockquote className="booking-appeal">{a.appealText}</blockquote>
                    <p className="note">
                      {t('booking.appealedOn', { day: dayOf(a.appealedAt, i18n.language) })}
                    </p>
                    <div className="button-row">
                      <Button onClick={() => setDeciding({ appeal: a, lift: true })}>
                        {t('booking.lift')}
                      </Button>
                      <Button variant="secondary" onClick={() => setDeciding({ appeal: a, lift: false })}>
                        {t('booking.rejectAppeal')}
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
              <MorePager
                shown={items.length}
                hasMore={appeals.hasNextPage}
                loading={appeals.isFetchingNextPage}
                onMore={() => appeals.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryState>
      <p>
        <Link to="/booking/staff/checkin">{t('booking.checkinTitle')}</Link>
      </p>
      <Modal
        open={deciding !== null}
        title={deciding?.lift ? t('booking.lift') : t('booking.rejectAppeal')}
        onClose={() => setDeciding(null)}
      >
        <form
          className="form modal-body"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) decide.mutate();
          }}
        >
          <TextField
            label={t('booking.decisionReason')}
            hint={t('booking.decisionHint')}
            required
            maxLength={300}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row modal-actions">
            <Button variant="tertiary" onClick={() => setDeciding(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={decide.isPending || !reason.trim()}>
              {deciding?.lift ? t('booking.lift') : t('booking.rejectAppeal')}
            </Button>
          </div>
        </form>
      </Modal>
    </Page>
  );
}
