import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEXT_WORKFLOW } from '../../../../../contracts/youth-policies.ts';
import { type PolicyDetail, type PolicyWorkflowStatus, transitionPolicy } from '../../../api/youth-staff.ts';
import { Button } from '../../../ui/Button.tsx';
import { Modal } from '../../../ui/Modal.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';

// The workflow buttons: only the moves the server allows from the current state. Closing cannot be
// undone, so it asks first.
export function PolicyWorkflow({
  policy,
  onNotice,
}: {
  policy: PolicyDetail;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const next = NEXT_WORKFLOW[policy.workflowStatus];
  const transition = useMutation({
    mutationFn: (to: PolicyWorkflowStatus) => transitionPolicy(policy.id, to),
    onSuccess: async (_, to) => {
      onNotice(t(`youthStaff.moved.${to}`));
      await queryClient.invalidateQueries({ queryKey: ['youth'] });
      await queryClient.invalidateQueries({ queryKey: ['public'] });
    },
  });
  const move = (to: PolicyWorkflowStatus) => {
    setConfirming(false);
    transition.mutate(to);
  };
  return (
    <section aria-labelledby="staff-workflow" className="section">
      <h2 id="staff-workflow">{t('youthStaff.workflowTitle')}</h2>
      <p>{t(`youthStaff.workflowNow.${policy.workflowStatus}`)}</p>
      <MutationAlert mutation={transition} />
      {next.length > 0 && (
        <div className="button-row">
          {next.map((to) => (
            <Button
              key={to}
              variant={to === 'draft' ? 'secondary' : to === 'closed' ? 'danger' : 'primary'}
              disabled={transition.isPending}
              onClick={() => (to === 'closed' ? setConfirming(true) : move(to))}
            >
              {t(`youthStaff.moveTo.${to}`)}
            </Button>
          ))}
        </div>
      )}
      <Modal
        open={confirming}
        title={t('youthStaff.closeConfirm.title')}
        onClose={() => setConfirming(false)}
      >
        <p>{t('youthStaff.closeConfirm.text', { title: policy.title })}</p>
        <div className="button-row">
          <Button variant="danger" onClick={() => move('closed')}>
            {t('youthStaff.closeConfirm.yes')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('youthStaff.closeConfirm.no')}
          </Button>
        </div>
      </Modal>
    </section>
  );
}
