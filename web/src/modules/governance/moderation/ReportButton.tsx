import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_REASONS, type ReportReason } from '../../../../../contracts/governance-moderation.ts';
import { useMe } from '../../../api/session.ts';
import { Button } from '../../../ui/Button.tsx';
import { SelectField, TextArea } from '../../../ui/Field.tsx';
import { Modal } from '../../../ui/Modal.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { type ModerationTarget, report } from './api.ts';
import './messages.ts';
import './moderation.css';

/**
 * 신고: a small button that opens a dialog with the reasons (the shared Modal: focus moves in, Escape
 * closes, focus returns to the button). Shown to signed-in people other than the author.
 */
export function ReportButton({
  targetType,
  targetId,
  mine = false,
}: {
  targetType: ModerationTarget;
  targetId: string;
  /** The signed-in person wrote it: nothing to report. */
  mine?: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('abuse');
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () => report({ targetType, targetId, reason, note: note.trim() || undefined }),
    onSuccess: (r) => {
      setOpen(false);
      setNote('');
      toast.show(r.hidden ? t('moderation.sentHidden') : t('moderation.sent'));
    },
  });
  if (!me.data || mine) return null;
  const label = targetType === 'proposal' ? t('moderation.reportProposal') : t('moderation.reportComment');
  return (
    <>
      <Button variant="tertiary" className="report-button" aria-label={label} onClick={() => setOpen(true)}>
        {t('moderation.report')}
      </Button>
      <Modal open={open} title={t('moderation.dialogTitle')} onClose={() => setOpen(false)}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <div className="modal-body">
            <p>{t('moderation.dialogLead')}</p>
            <SelectField
              label={t('moderation.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value as ReportReason)}
            >
              {REPORT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`moderation.reasons.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextArea
              label={t('moderation.note')}
              value={note}
              maxLength={500}
              rows={3}
              onChange={(e) => setNote(e.target.value)}
            />
            <MutationAlert mutation={send} />
          </div>
          <div className="button-row modal-actions">
            <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
              {t('moderation.cancel')}
            </Button>
            <Button type="submit" variant="danger" disabled={send.isPending}>
              {send.isPending ? t('moderation.sending') : t('moderation.send')}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
