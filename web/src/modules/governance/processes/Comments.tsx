import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentBody } from '../../../../../contracts/governance-proposals.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { formatDate } from '../../../ui/format.ts';
import { useToast } from '../../../ui/Toast.tsx';
import type { MyModerationItem } from '../moderation/api.ts';
import { HiddenNotice } from '../moderation/HiddenNotice.tsx';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { StanceCommentForm } from '../StanceCommentForm.tsx';
import { addComment, type Proposal } from './api.ts';
import '../stance-comments.css';

type Comment = Proposal['commentList'][number];

// Threaded comments, each with a stance (찬성 / 반대 / 중립) said in words; a reply sits under its comment.
export function Comments({
  proposal,
  signedIn,
  mine,
}: {
  proposal: Proposal;
  signedIn: boolean;
  /** The caller's own hidden or appealed comments, by id: their notice and appeal (only they see it). */
  mine?: Map<string, MyModerationItem>;
}) {
  const { t } = useTranslation();
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const children = new Map<string | null, Comment[]>();
  for (const c of proposal.commentList) {
    const key = c.parentId;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const thread = (parent: string | null, depth: number) => (
    <ul className={depth === 0 ? 'comment-list' : 'comment-list comment-replies'}>
      {(children.get(parent) ?? []).map((c) => (
        <li key={c.id} className="comment">
          <p className="comment-head">
            <span className={`stance stance-${c.stance}`}>{t(`process.stance.${c.stance}`)}</span>{' '}
            {t('process.byline', { author: c.author, day: formatDate(c.createdAt) })}
          </p>
          <div className="proposal-body">{c.body}</div>
          {mine?.get(c.id) && <HiddenNotice item={mine.get(c.id)!} showExcerpt={mine.get(c.id)!.hidden} />}
          {signedIn && (
            <Button variant="tertiary" className="btn-small" onClick={() => setReplyTo(c)}>
              {t('process.reply')}
            </Button>
          )}
          {signedIn && <ReportButton targetType="comment" targetId={c.id} mine={c.own} />}
          {children.has(c.id) && thread(c.id, depth + 1)}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="proposal-comments" className="section">
      <h2 id="proposal-comments">
        {t('process.commentsTitle')} ({proposal.commentList.length})
      </h2>
      {proposal.commentList.length === 0 ? <p>{t('process.commentNone')}</p> : thread(null, 0)}
      {signedIn && <CommentForm proposal={proposal} replyTo={replyTo} onDone={() => setReplyTo(null)} />}
    </section>
  );
}

function CommentForm({
  proposal,
  replyTo,
  onDone,
}: {
  proposal: Proposal;
  replyTo: Comment | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(CommentBody, { defaultValues: { body: '', stance: 'neutral' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: CommentBody) => addComment(proposal.id, { ...body, parentId: replyTo?.id ?? null }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['governance', 'proposal', proposal.id], updated);
      form.reset({ body: '', stance: 'neutral' });
      onDone();
      toast.show(t('process.cSent'));
    },
  });
  return (
    <StanceCommentForm
      ns="process"
      onSubmit={onSubmit}
      stance={form.register('stance')}
      body={form.register('body')}
      bodyError={errorOf(form.formState.errors, 'body')}
      replyTo={replyTo?.author ?? null}
      onCancelReply={onDone}
      mutation={mutation}
    />
  );
}
