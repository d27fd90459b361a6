import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../ui/Button.tsx';
import { TextArea } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { appeal, type MyModerationItem } from './api.ts';
import './messages.ts';
import './moderation.css';

const APPEAL_MIN = 5;

/**
 * What the author of a hidden proposal or comment reads on it (only they get these items from the
 * API): why it is hidden, and an appeal form, or how their one appeal for this hiding stands
 * (검토 중 / 받아들여짐 / 기각).
 */
export function HiddenNotice({
  item,
  showExcerpt = false,
  showLink = false,
}: {
  item: MyModerationItem;
  /** Quote the post's words (on the list page, away from the post). */
  showExcerpt?: boolean;
  /** Link to the proposal the post belongs to. */
  showLink?: boolean;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const title = !item.hidden
    ? t('moderation.mine.shownAgain')
    : item.reason
      ? t('moderation.mine.hiddenBecause', { reason: item.reason })
      : t('moderation.mine.hiddenByReports');
  return (
    <section className={`hidden-notice${item.hidden ? '' : ' is-shown'}`} aria-labelledby={titleId}>
      <p id={titleId} className="hidden-notice-title">
        <strong>{title}</strong>
      </p>
      {showExcerpt && (
        <blockquote className="moderation-appeal">
          <p>{item.excerpt}</p>
        </blockquote>
      )}
      {item.hidden && <p>{t('moderation.mine.onlyYou')}</p>}
      {showLink && (
        <p>
          <Link to={`/governance/proposals/${item.proposalId}`}>
            {t('moderation.openProposal', { title: item.proposalTitle })}
          </Link>
        </p>
      )}
      {item.appealState === 'none' ? (
        item.hidden && <AppealForm item={item} />
      ) : (
        <div className="appeal-state">
          <p>
            {t('moderation.mine.appealLabel')}{' '}
            <strong className={`appeal-badge appeal-${item.appealState}`}>
              {t(`moderation.mine.appealState.${item.appealState}`)}
            </strong>
          </p>
          {item.appeal && <p className="moderation-appeal">{item.appeal}</p>}
          <p className="note">{t(`moderation.mine.appealNote.${item.appealState}`)}</p>
        </div>
      )}
    </section>
  );
}

function AppealForm({ item }: { item: MyModerationItem }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: () => appeal(item.targetType, item.targetId, { text: text.trim() }),
    onSuccess: () => {
      toast.show(t('moderation.mine.appealSent'));
      void queryClient.invalidateQueries({ queryKey: ['governance', 'moderation', 'mine'] });
    },
  });
  return (
    <form
      className="appeal-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim().length < APPEAL_MIN) {
          setError(t('moderation.mine.appealTooShort', { count: APPEAL_MIN }));
          return;
        }
        setError(undefined);
        send.mutate();
      }}
    >
      <TextArea
        label={t('moderation.mine.appealText')}
        hint={t('moderation.mine.appealHint')}
        error={error}
        value={text}
        maxLength={1000}
        rows={3}
        onChange={(e) => setText(e.target.value)}
      />
      <MutationAlert mutation={send} />
      <Button type="submit" variant="secondary" disabled={send.isPending}>
        {send.isPending ? t('moderation.sending') : t('moderation.mine.appealSend')}
      </Button>
    </form>
  );
}
