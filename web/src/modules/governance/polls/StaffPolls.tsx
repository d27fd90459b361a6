import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { POLL_KINDS, PollBody, RESULTS_VISIBILITIES } from '../../../../../contracts/governance-polls.ts';
import { fieldIssueMessage } from '../../../forms/field-issue.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { useConfirm } from '../../../ui/ConfirmDialog.tsx';
import { Checkbox, SelectField, TextArea, TextField } from '../../../ui/Field.tsx';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { MorePager } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { closePoll, createPoll, type StaffPoll, updatePoll, useStaffPolls } from './api.ts';
import { kindLabel } from './Polls.tsx';
import './messages.ts';
import './polls.css';

const PAGE = 10;

// /governance/staff/polls: every poll with its count, a way to change it while it runs and a "close
// now" button, then the form that makes a new one (checked by the same contract as the server before
// it is sent). The results with turnout are on each poll's own page, which staff may always read.
export default function StaffPolls() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('poll.staffTitle')} roles={['staff', 'admin']}>
      {() => <StaffPollsPage />}
    </RequireSignIn>
  );
}

function StaffPollsPage() {
  const { t } = useTranslation();
  const polls = useStaffPolls();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const [shown, setShown] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  const close = useMutation({
    mutationFn: closePoll,
    onSuccess: () => {
      toast.show(t('poll.closed'), { kind: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
    },
  });
  return (
    <Page
      title={t('poll.staffTitle')}
      lead={t('poll.staffLead')}
      crumbs={[
        { to: '/governance', label: t('poll.governance') },
        { to: '/governance/polls', label: t('poll.title') },
      ]}
    >
      <MutationAlert mutation={close} />
      <QueryState query={polls}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('poll.staffNone')}</p>
          ) : (
            <>
              <ul className="card-list">
                {data.items.slice(0, shown).map((p) => (
                  <li key={p.id} className="card">
                    <h2 className="card-title">
                      <Link to={`/governance/polls/${p.id}`}>{p.title}</Link>{' '}
                      <span className="badge">{t(`poll.state.${p.state}`)}</span>{' '}
                      {p.sample && <span className="badge">{t('poll.sample')}</span>}
                    </h2>
                    <p className="poll-meta">
                      {kindLabel(t, p)} ·{' '}
                      {t('poll.voters', { count: p.voters, formatted: formatNumber(p.voters) })} ·{' '}
                      {t(`poll.visibility.${p.resultsVisibility}`)}
                    </p>
                    <p className="poll-meta">
                      {t('poll.period', {
                        opens: formatDateTime(p.opensAt),
                        closes: formatDateTime(p.closesAt),
                      })}
                      {p.closedEarly && ` · ${t('poll.closedEarly')}`}
                    </p>
                    <p>
                      <Link to={`/governance/polls/${p.id}`}>
                        {t('poll.view')}
                        <span className="visually-hidden"> — {p.title}</span>
                      </Link>
                    </p>
                    {p.state !== 'closed' && editing !== p.id && (
                      <div className="poll-actions">
                        <Button variant="secondary" onClick={() => setEditing(p.id)}>
                          {t('poll.edit')}
                          <span className="visually-hidden"> — {p.title}</span>
                        </Button>
                        <Button
                          variant="secondary"
                          disabled={close.isPending}
                          onClick={async () => {
                            if (await confirm({ title: t('poll.closeConfirm'), danger: true }))
                              close.mutate(p.id);
                          }}
                        >
                          {t('poll.close')}
                          <span className="visually-hidden"> — {p.title}</span>
                        </Button>
                      </div>
                    )}
                    {editing === p.id && (
                      <PollForm poll={p} onDone={() => setEditing(null)} headingLevel={3} />
                    )}
                  </li>
                ))}
              </ul>
              <MorePager
                shown={Math.min(shown, data.items.length)}
                total={data.items.length}
                hasMore={shown < data.items.length}
                onMore={() => setShown((n) => n + PAGE)}
              />
            </>
          )
        }
      </QueryState>
      <PollForm headingLevel={2} />
      {dialog}
    </Page>
  );
}

/** An instant as a datetime-local value in Korea time ("2026-12-07T21:00"). */
function localInput(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
}
const toInstant = (local: string) => (local ? `${local}:00+09:00` : '');

type Form = {
  title: string;
  description: string;
  kind: (typeof POLL_KINDS)[number];
  maxChoices: string;
  options: string;
  opensAt: string;
  closesAt: string;
  residentsOnly: boolean;
  verifiedOnly: boolean;
  minAge: string;
  maxAge: string;
  resultsVisibility: (typeof RESULTS_VISIBILITIES)[number];
};

function formOf(poll?: StaffPoll): Form {
  if (!poll) {
    const hour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    return {
      title: '',
      description: '',
      kind: 'single',
      maxChoices: '3',
      options: '',
      opensAt: localInput(hour),
      closesAt: localInput(new Date(hour.getTime() + 7 * 24 * 3_600_000)),
      residentsOnly: true,
      verifiedOnly: true,
      minAge: '',
      maxAge: '',
      resultsVisibility: 'after_close',
    };
  }
  return {
    title: poll.title,
    description: poll.description,
    kind: poll.kind,
    maxChoices: String(poll.maxChoices ?? 3),
    options: poll.options.map((o) => o.label).join('\n'),
    opensAt: localInput(new Date(poll.opensAt)),
    closesAt: localInput(new Date(poll.closesAt)),
    residentsOnly: poll.residentsOnly,
    verifiedOnly: poll.verifiedOnly,
    minAge: poll.minAge === null ? '' : String(poll.minAge),
    maxAge: poll.maxAge === null ? '' : String(poll.maxAge),
    resultsVisibility: poll.resultsVisibility,
  };
}

/**
 * The form that makes a poll, or changes `poll`. A time left as it was is sent exactly as stored (the
 * field shows minutes only), and an option kept by its label keeps its description, so a poll with
 * ballots can still have its title or closing time changed.
 */
function PollForm({
  poll,
  onDone,
  headingLevel,
}: {
  poll?: StaffPoll;
  onDone?: () => void;
  headingLevel: 2 | 3;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [initial] = useState(() => formOf(poll));
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const idBase = poll ? `poll-edit-${poll.id}` : 'poll-create';
  useEffect(() => {
    if (poll) heading.current?.focus();
  }, [poll]);
  const set =
    <K extends keyof Form>(k: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [k]: value }));
  const save = useMutation({
    mutationFn: (body: PollBody) => (poll ? updatePoll(poll.id, body) : createPoll(body)),
    onSuccess: () => {
      toast.show(t(poll ? 'poll.saved' : 'poll.created'), { kind: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
      if (poll) onDone?.();
      else setForm(formOf());
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const described = new Map(poll?.options.map((o) => [o.label, o.description]) ?? []);
    const body = {
      title: form.title,
      description: form.description,
      kind: form.kind,
      maxChoices: form.kind === 'pick_up_to' ? Number(form.maxChoices) : null,
      options: form.options
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((label) => ({ label, description: described.get(label) ?? '' })),
      opensAt: poll && form.opensAt === initial.opensAt ? poll.opensAt : toInstant(form.opensAt),
      closesAt: poll && form.closesAt === initial.closesAt ? poll.closesAt : toInstant(form.closesAt),
      residentsOnly: form.residentsOnly,
      verifiedOnly: form.verifiedOnly,
      minAge: form.minAge ? Number(form.minAge) : null,
      maxAge: form.maxAge ? Number(form.maxAge) : null,
      resultsVisibility: form.resultsVisibility,
    };
    const checked = PollBody.safeParse(body, { error: fieldIssueMessage });
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? 'title');
        found[field] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(body);
  };
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={idBase} className="section">
      <Heading id={idBase} ref={heading} tabIndex={-1}>
        {poll ? t('poll.editTitle', { title: poll.title }) : t('poll.createTitle')}
      </Heading>
      {poll && poll.voters > 0 && <p className="field-hint">{t('poll.editWithBallots')}</p>}
      <form className="poll-staff-form" onSubmit={submit} noValidate>
        {Object.keys(errors).length > 0 && <Alert kind="danger">{t('poll.fixFields')}</Alert>}
        <TextField
          label={t('poll.fTitle')}
          required
          value={form.title}
          error={errors.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
        />
        <TextArea
          label={t('poll.fDescription')}
          value={form.description}
          error={errors.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
        />
        <div className="poll-row">
          <SelectField
            label={t('poll.fKind')}
            value={form.kind}
            onChange={(e) => set('kind')(e.currentTarget.value as Form['kind'])}
          >
            {POLL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`poll.kindChoice.${k}`)}
              </option>
            ))}
          </SelectField>
          {form.kind === 'pick_up_to' && (
            <TextField
              label={t('poll.fMax')}
              type="number"
              min={1}
              max={30}
              value={form.maxChoices}
              error={errors.maxChoices}
              onChange={(e) => set('maxChoices')(e.currentTarget.value)}
            />
          )}
        </div>
        <TextArea
          label={t('poll.fOptions')}
          hint={t('poll.fOptionsHint')}
          required
          value={form.options}
          error={errors.options}
          onChange={(e) => set('options')(e.currentTarget.value)}
        />
        <div className="poll-row">
          <TextField
            label={t('poll.fOpens')}
            type="datetime-local"
            value={form.opensAt}
            error={errors.opensAt}
            onChange={(e) => set('opensAt')(e.currentTarget.value)}
          />
          <TextField
            label={t('poll.fCloses')}
            type="datetime-local"
            value={form.closesAt}
            error={errors.closesAt}
            onChange={(e) => set('closesAt')(e.currentTarget.value)}
          />
        </div>
        <Checkbox
          label={t('poll.fResidents')}
          checked={form.residentsOnly}
          onChange={(e) => set('residentsOnly')(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('poll.fVerified')}
          checked={form.verifiedOnly}
          onChange={(e) => set('verifiedOnly')(e.currentTarget.checked)}
        />
        <div className="poll-row">
          <TextField
            label={t('poll.fMinAge')}
            type="number"
            min={1}
            max={120}
            value={form.minAge}
            error={errors.minAge}
            onChange={(e) => set('minAge')(e.currentTarget.value)}
          />
          <TextField
            label={t('poll.fMaxAge')}
            type="number"
            min={1}
            max={120}
            value={form.maxAge}
            error={errors.maxAge}
            onChange={(e) => set('maxAge')(e.currentTarget.value)}
          />
        </div>
        <SelectField
          label={t('poll.fVisibility')}
          value={form.resultsVisibility}
          onChange={(e) => set('resultsVisibility')(e.currentTarget.value as Form['resultsVisibility'])}
        >
          {RESULTS_VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {t(`poll.visibility.${v}`)}
            </option>
          ))}
        </SelectField>
        <MutationAlert mutation={save} />
        <div className="poll-actions">
          <Button type="submit" disabled={save.isPending}>
            {t(poll ? 'poll.save' : 'poll.create')}
          </Button>
          {poll && (
            <Button variant="secondary" onClick={onDone}>
              {t('poll.cancel')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
