import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_KINDS,
  DocumentBody,
  EVALUATION_CRITERIA,
  EvaluationBody,
  SCORE_MAX,
  SCORE_MIN,
  type Scores,
} from '../../../../../contracts/governance-project-records.ts';
import { errorOf, useZodForm } from '../../../forms/useZodForm.ts';
import { Button } from '../../../ui/Button.tsx';
import { useConfirm } from '../../../ui/ConfirmDialog.tsx';
import { TextArea, TextField } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import {
  addDocument,
  type Evaluation,
  fetchDocuments,
  type GroupDocument,
  type GroupSpace,
  publishEvaluation,
  removeDocument,
  saveEvaluation,
} from './api.ts';
import { ChoiceField, RemoveButton, SubmitButton, useGroupFormMutation, useRefresh } from './FormBits.tsx';

// The working group's documents (자료) and the final evaluation (최종 평가) in its space, and the
// scores as the public page shows them. Scores are words and numbers (no colour or stars alone).

export function DocumentsSection({ space }: { space: GroupSpace }) {
  const { t } = useTranslation();
  const projectId = space.project.id;
  const toast = useToast();
  const refresh = useRefresh(projectId);
  const { confirm, dialog } = useConfirm();
  // Pages after the first (which comes with the space); cleared whenever the space is read again.
  const [more, setMore] = useState<{ after: string; items: GroupDocument[]; next: string | null } | null>(
    null,
  );
  const first = space.documents;
  const extra = more && more.after === (first.nextCursor ?? '') ? more : null;
  const items = [...first.items, ...(extra?.items ?? [])];
  const next = extra ? extra.next : first.nextCursor;
  const load = useMutation({
    mutationFn: (cursor: string) => fetchDocuments(projectId, cursor),
    onSuccess: (page) =>
      setMore({
        after: first.nextCursor ?? '',
        items: [...(extra?.items ?? []), ...page.items],
        next: page.nextCursor,
      }),
  });
  const remove = useMutation({
    mutationFn: (documentId: string) => removeDocument(projectId, documentId),
    onSuccess: () => {
      toast.show(t('govProject.documentRemoved'));
      setMore(null);
      refresh();
    },
  });
  return (
    <section aria-labelledby="space-documents" className="section">
      <h2 id="space-documents">{t('govProject.documentsTitle')}</h2>
      <p>{t('govProject.documentsLead')}</p>
      {items.length === 0 ? (
        <p>{t('govProject.documentsNone')}</p>
      ) : (
        <ul className="document-list">
          {items.map((d) => (
            <li key={d.id} className="card">
              <h3 className="document-title">
                {d.url ? (
                  <a
                    href={d.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={t('govProject.documentOpen', { title: d.title })}
                  >
                    {d.title}
                  </a>
                ) : (
                  d.title
                )}
              </h3>
              <p className="project-badges">
                <span className="badge">{t(`govProject.documentKind.${d.kind}`)}</span>
              </p>
              {d.note && <p className="minutes-text">{d.note}</p>}
              <p className="project-meta">
                {d.addedBy
                  ? t('govProject.documentAddedBy', { name: d.addedBy, day: formatDate(d.createdAt) })
                  : t('govProject.documentAddedOn', { day: formatDate(d.createdAt) })}
              </p>
              {space.canRecord && (
                <RemoveButton
                  label={t('govProject.documentRemove', { title: d.title })}
                  question={t('govProject.documentRemoveConfirm', { title: d.title })}
                  busy={remove.isPending}
                  confirm={confirm}
                  onRemove={() => remove.mutate(d.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {next && (
        <p>
          <Button variant="secondary" disabled={load.isPending} onClick={() => load.mutate(next)}>
            {t('govProject.documentsMore')}
          </Button>
        </p>
      )}
      {load.isError && <MutationAlert mutation={load} />}
      {remove.isError && <MutationAlert mutation={remove} />}
      <DocumentForm projectId={projectId} onAdded={() => setMore(null)} />
      {dialog}
    </section>
  );
}

function DocumentForm({ projectId, onAdded }: { projectId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm(DocumentBody, {
    defaultValues: { title: '', kind: 'reference', url: '', note: '' },
  });
  const { mutation, onSubmit } = useGroupFormMutation(form, {
    projectId,
    send: (body: DocumentBody) => addDocument(projectId, body),
    saved: t('govProject.documentAdded'),
    after: onAdded,
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      <h3>{t('govProject.newDocument')}</h3>
      <TextField
        label={t('govProject.documentTitle')}
        required
        maxLength={200}
        error={errorOf(errors, 'title')}
        {...form.register('title')}
      />
      <ChoiceField
        label={t('govProject.documentKindField')}
        choices={DOCUMENT_KINDS}
        wordOf={(k) => t(`govProject.documentKind.${k}`)}
        {...form.register('kind')}
      />
      <TextField
        type="url"
        inputMode="url"
        autoComplete="off"
        label={t('govProject.documentUrl')}
        hint={t('govProject.documentUrlHint')}
        maxLength={2000}
        error={errorOf(errors, 'url')}
        {...form.register('url')}
      />
      <TextArea
        label={t('govProject.documentNote')}
        rows={2}
        maxLength={2000}
        error={errorOf(errors, 'note')}
        {...form.register('note')}
      />
      <SubmitButton mutation={mutation} label={t('govProject.saveDocument')} />
    </form>
  );
}

/** The four scores and their mean as text: "목표 달성 4점 / 5점". */
export function ScoreList({ scores, average }: { scores: Scores; average: number }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="evaluation-scores">
        {EVALUATION_CRITERIA.map((c) => (
          <div key={c}>
            <dt>{t(`govProject.criterion.${c}`)}</dt>
            <dd>{t('govProject.score', { score: scores[c] })}</dd>
          </div>
        ))}
      </dl>
      <p className="project-meta">
        <strong>{t('govProject.average', { average: average.toFixed(1) })}</strong>
      </p>
    </>
  );
}

export function EvaluationSection({ space }: { space: GroupSpace }) {
  const { t } = useTranslation();
  const projectId = space.project.id;
  const toast = useToast();
  const refresh = useRefresh(projectId);
  const { confirm, dialog } = useConfirm();
  const [editing, setEditing] = useState(false);
  const e = space.evaluation;
  const publish = useMutation({
    mutationFn: () => publishEvaluation(projectId),
    onSuccess: () => {
      toast.show(t('govProject.evaluationPublished'));
      refresh();
    },
  });
  const draft = !e || e.status === 'draft';
  const after = space.project.status === 'after';
  return (
    <section aria-labelledby="space-evaluation" className="section">
      <h2 id="space-evaluation">{t('govProject.evaluationTitle')}</h2>
      <p>{t('govProject.evaluationLead')}</p>
      {e ? (
        <article className="card meeting" aria-label={t('govProject.evaluationTitle')}>
          <p className="project-badges">
            <span className="badge">{t(`govProject.evaluationStatus.${e.status}`)}</span>
          </p>
          <ScoreList scores={e.scores} average={e.average} />
          <h3>{t('govProject.lessons')}</h3>
          <p className="minutes-text">{e.lessons}</p>
          <p className="project-meta">
            {e.recordedBy &&
              t('govProject.evaluationRecordedBy', { name: e.recordedBy, day: formatDate(e.updatedAt) })}
            {e.publishedAt && (
              <>
                {e.recordedBy && ' · '}
                {t('govProject.evaluationPublishedOn', { day: formatDate(e.publishedAt) })}
              </>
            )}
          </p>
        </article>
      ) : (
        <p>{t('govProject.evaluationNone')}</p>
      )}
      {space.canRecord && draft && (
        <>
          {editing ? (
            <EvaluationForm projectId={projectId} evaluation={e} onDone={() => setEditing(false)} />
          ) : (
            <div className="button-row">
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {e ? t('govProject.editEvaluation') : t('govProject.writeEvaluation')}
              </Button>
              {e && after && (
                <Button
                  disabled={publish.isPending}
                  onClick={async () => {
                    if (
                      await confirm({
                        title: t('govProject.publishEvaluationTitle'),
                        message: t('govProject.publishEvaluationText'),
                        confirmLabel: t('govProject.publishEvaluation'),
                      })
                    )
                      publish.mutate();
                  }}
                >
                  {t('govProject.publishEvaluation')}
                </Button>
              )}
            </div>
          )}
          {e && !after && <p className="project-meta">{t('govProject.evaluationAfterOnly')}</p>}
        </>
      )}
      {publish.isError && <MutationAlert mutation={publish} />}
      {dialog}
    </section>
  );
}

function EvaluationForm({
  projectId,
  evaluation,
  onDone,
}: {
  projectId: string;
  evaluation: Evaluation | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useZodForm(EvaluationBody, {
    defaultValues: {
      scores: evaluation?.scores ?? { goals: 3, participation: 3, collaboration: 3, sustainability: 3 },
      lessons: evaluation?.lessons ?? '',
    },
  });
  const { mutation, onSubmit } = useGroupFormMutation(form, {
    projectId,
    send: (body: EvaluationBody) => saveEvaluation(projectId, body),
    saved: t('govProject.evaluationSaved'),
    keep: true,
    after: onDone,
  });
  const errors = form.formState.errors;
  const asNumber = { setValueAs: (v: unknown) => Number(v) };
  const points = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
  return (
    <form onSubmit={onSubmit} noValidate className="group-form">
      <h3>{evaluation ? t('govProject.editEvaluation') : t('govProject.writeEvaluation')}</h3>
      {EVALUATION_CRITERIA.map((c) => (
        <ChoiceField
          key={c}
          label={t('govProject.scoreField', { criterion: t(`govProject.criterion.${c}`) })}
          required
          error={errorOf(errors, `scores.${c}`)}
          choices={points}
          wordOf={(score) => t('govProject.score', { score })}
          {...form.register(`scores.${c}`, asNumber)}
        />
      ))}
      <TextArea
        label={t('govProject.lessons')}
        rows={5}
        required
        maxLength={8000}
        error={errorOf(errors, 'lessons')}
        {...form.register('lessons')}
      />
      {mutation.isError && <MutationAlert mutation={mutation} />}
      <div className="button-row">
        <Button type="submit" disabled={mutation.isPending}>
          {t('govProject.saveEvaluation')}
        </Button>
        <Button variant="tertiary" onClick={onDone}>
          {t('govProject.cancel')}
        </Button>
      </div>
    </form>
  );
}
