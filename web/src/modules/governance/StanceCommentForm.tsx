import type { FormEventHandler } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { STANCES } from '../../../../contracts/governance-proposals.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextArea } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import './stance-comments.css';

/**
 * The comment form of proposals and debates: whom it replies to (with a way back), the stance
 * (찬성 / 반대 / 중립) and the text. Each caller owns its form state and request; `ns` names its copy
 * (process.* or debate.*: cStance, cBody, cSubmit, stance.*, replyTo, cancel).
 */
export function StanceCommentForm({
  ns,
  onSubmit,
  stance,
  body,
  bodyError,
  replyTo,
  onCancelReply,
  mutation,
}: {
  ns: 'process' | 'debate';
  onSubmit: FormEventHandler<HTMLFormElement>;
  stance: UseFormRegisterReturn<'stance'>;
  body: UseFormRegisterReturn<'body'>;
  bodyError: string | undefined;
  /** The author of the comment replied to, or null for a new thread. */
  replyTo: string | null;
  onCancelReply: () => void;
  mutation: { isError: boolean; isSuccess: boolean; isPending: boolean; error: Error | null };
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate className="form comment-form">
      {replyTo !== null && (
        <p className="comment-head">
          {t(`${ns}.replyTo`, { author: replyTo })}{' '}
          <Button variant="tertiary" className="btn-small" onClick={onCancelReply}>
            {t(`${ns}.cancel`)}
          </Button>
        </p>
      )}
      <SelectField label={t(`${ns}.cStance`)} required {...stance}>
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {t(`${ns}.stance.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextArea label={t(`${ns}.cBody`)} error={bodyError} rows={3} maxLength={2000} required {...body} />
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <Button type="submit" disabled={mutation.isPending}>
        {t(`${ns}.cSubmit`)}
      </Button>
    </form>
  );
}
