import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../../api/session.ts';
import { addFollow, type Follow, type FollowBody, removeFollow, useFollows } from '../../../api/youth.ts';
import { Button } from '../../../ui/Button.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import './follow.css';
import './messages.ts';

export type FollowTarget = FollowBody;
type T = TFunction;

/** The name of a field, area or keyword as people read it. */
export function targetName(t: T, f: { kind: FollowBody['kind']; target: string }): string {
  if (f.kind === 'field') return t(`youth.codes.field.${f.target}`, { defaultValue: f.target });
  if (f.kind === 'region') return t(`youth.codes.district.${f.target}`, { defaultValue: f.target });
  return f.target;
}

/** "This policy", "the field ‘주거’"…: what a message is about. */
export function whatOf(t: T, f: { kind: FollowBody['kind']; target: string; policyTitle?: string | null }) {
  if (f.kind === 'policy') return f.policyTitle ? `‘${f.policyTitle}’` : t('youthFollow.whatPolicy');
  const key = { field: 'whatField', keyword: 'whatKeyword', region: 'whatRegion' }[f.kind];
  return t(`youthFollow.${key}`, { name: targetName(t, f) });
}

const buttonLabel = (t: T, f: FollowTarget) =>
  f.kind === 'policy' ? t('youthFollow.policy') : t(`youthFollow.${f.kind}`, { name: targetName(t, f) });

export function SignInToFollow() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <p>
      {t('youthFollow.signIn')}{' '}
      <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
        {t('shell.login')}
      </Link>
    </p>
  );
}

/**
 * Follow toggles (aria-pressed) with one polite status line that says what changed. The button's
 * name stays the same whether pressed or not (the pressed state is what changes); a check mark
 * and the filled style show it to the eye. Anonymous visitors get a sign-in link instead.
 * `folded` targets sit behind one disclosure (smaller buttons), sharing the status line.
 */
export function FollowButtons({
  targets,
  folded,
}: {
  targets: FollowTarget[];
  folded?: { label: string; targets: FollowTarget[] };
}) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data;
  const follows = useFollows(signedIn);
  const queryClient = useQueryClient();
  const current = (f: FollowTarget): Follow | undefined =>
    follows.data?.items.find((x) => x.kind === f.kind && x.target === f.target);
  const toggle = useMutation({
    mutationFn: async (f: FollowTarget) => {
      const existing = current(f);
      if (existing) await removeFollow(existing.id);
      else await addFollow(f);
      await queryClient.invalidateQueries({ queryKey: ['youth', 'follows'] });
      return t(existing ? 'youthFollow.unfollowed' : 'youthFollow.followed', { what: whatOf(t, f) });
    },
  });
  if (me.isPending) return null;
  if (!signedIn) return <SignInToFollow />;
  const busy = toggle.isPending;
  const buttons = (list: FollowTarget[], small = false) => (
    <ul className="youth-follow-buttons">
      {list.map((f) => {
        const pressed = !!current(f);
        return (
          <li key={`${f.kind}:${f.target}`}>
            <Button
              variant={pressed ? 'primary' : 'secondary'}
              className={small ? 'btn-small' : undefined}
              aria-pressed={pressed}
              aria-busy={busy || follows.isPending}
              // Until the person's follows have loaded the button cannot say what a press would
              // do: it waits (disabled) instead of swallowing a tap on a slow connection.
              disabled={!follows.data}
              onClick={() => !busy && follows.data && toggle.mutate(f)}
            >
              {pressed && <span aria-hidden="true">✓&nbsp;</span>}
              {buttonLabel(t, f)}
            </Button>
          </li>
        );
      })}
    </ul>
  );

  return (
    <>
      {buttons(targets)}
      {folded && folded.targets.length > 0 && (
        <details className="youth-more-follows">
          <summary>{folded.label}</summary>
          {buttons(folded.targets, true)}
        </details>
      )}
      <p role="status" className="youth-follow-status">
        {toggle.data}
      </p>
      <MutationAlert mutation={toggle} />
      <p>
        <Link to="/youth/alerts">{t('youthFollow.myLink')}</Link>
      </p>
    </>
  );
}
