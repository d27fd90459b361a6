import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DebateCommentBody } from '../../../../../contracts/governance-debates.ts';
import { errorOf, useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { formatDate } from '../../../ui/format.ts';
import { MorePager } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { StanceCommentForm } from '../StanceCommentForm.tsx';
import {
  addDebateComment,
  commentsKey,
  type Debate,
  type DebateComment,
  debateKey,
  useDebateComments,
} from './api.ts';
import '../stance-comments.css';

// The threaded comments, ten threads at a time: each with its stance said in words, replies under
// their comment. The form shows while the signed-in person may comment.
export function DebateComments({ debate, canReply }: { debate: Debate; canReply: boolean }) {
  const { t } = useTranslation();
  const comments = useDebateComments(debate.id);
  const [replyTo, setReplyTo] = useState<DebateComment | null>(null);
  const one = (c: DebateComment, replyButton: boolean) => (
    <>
      <p className="comment-head">
        <span className={`stance stance-${c.stance}`}>{t(`debate.stance.${c.stance}`)}</span>{' '}
        {t('debate.byline', { author: c.author, day: formatDate(c.createdAt) })}
      </p>
      <div className="debate-text">{c.body}</div>
      {replyButton && (
        <Button variant="tertiary" className="btn-small" onClick={() => setReplyTo(c)}>
          {t('debate.reply')}
        </Button>
      )}
    </>
  );
  return (
    <section aria-labelledby="debate-comments" className="section">
      <h2 id="debate-comments">
        {t('debate.commentsTitle')} ({debate.comments})
      </h2>
      <QueryState query={comments} loading={{ cards: 2 }}>
        {(data) => {
          const threads = data.pages.flatMap((p) => p.items);
          if (threads.length === 0) return <p>{t('debate.commentNone')}</p>;
          return (
            <>
              <ul className="comment-list debate-threads">
                {threads.map((c) => (
                  <li key={c.id} className="comment">
                    {one(c, canReply)}
                    {c.replies.length > 0 && (
                      <ul className="comment-list comment-replies">
                        {c.replies.map((r) => (
                          <li key={r.id} className="comment">
                            {one(r, false)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
              {/* Threads, not comments, are paged: the count shows only once there is more than a page. */}
              {(comments.hasNextPage || data.pages.length > 1) && (
                <MorePager
                  shown={threads.length}
                  hasMore={comments.hasNextPage}
                  loading={comments.isFetchingNextPage}
                  onMore={() => void comments.fetchNextPage()}
                />
              )}
            </>
          );
        }}
      </QueryState>
      {canReply && <CommentForm debate={debate} replyTo={replyTo} onDone={() => setReplyTo(null)} />}
    </section>
  );
}

function CommentForm({
  debate,
  replyTo,
  onDone,
}: {
  debate: Debate;
  replyTo: DebateComment | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(DebateCommentBody, { defaultValues: { body: '', stance: 'neutral' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (body: DebateCommentBody) =>
      addDebateComment(debate.id, { ...body, parentId: replyTo?.id ?? null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: debateKey(debate.id) });
      void queryClient.invalidateQueries({ queryKey: commentsKey(debate.id) });
      form.reset({ body: '', stance: 'neutral' });
      onDone();
      toast.show(t('debate.cSent'));
    },
  });
  return (
    <StanceCommentForm
      ns="debate"
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
