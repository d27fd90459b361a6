import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  PHASE_KINDS,
  PHASE_PARTS,
  type Phase,
  type PhaseKind,
  type ProcessBody,
} from '../../../../../contracts/governance-processes.ts';
import { ApiError } from '../../../api/client.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Checkbox, TextArea, TextField } from '../../../ui/Field.tsx';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useToast } from '../../../ui/Toast.tsx';
import { type Process, saveProcess, useProcess } from './api.ts';
import './messages.ts';
import './processes.css';

type Row = Phase & { used: boolean };

const blankRow = (kind: PhaseKind): Row => ({
  kind,
  used: false,
  startsOn: '',
  endsOn: '',
  proposals: false,
  debates: false,
  deliberation: false,
  polls: false,
});

// /governance/staff/processes/new and /governance/staff/processes/:id — staff make or edit a
// process: its name, description, support threshold and the phases used, with dates and parts.
export default function StaffProcessForm() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const process = useProcess(id);
  const title = id ? t('process.staffFormEdit') : t('process.staffFormCreate');
  return (
    <Page
      title={title}
      crumbs={[
        { to: '/governance', label: t('process.governance') },
        { to: '/governance/processes', label: t('process.title') },
        ...(id && process.data ? [{ to: `/governance/processes/${id}`, label: process.data.title }] : []),
      ]}
    >
      {id ? (
        <QueryState query={process}>{(p) => <ProcessForm process={p} />}</QueryState>
      ) : (
        <ProcessForm process={null} />
      )}
    </Page>
  );
}

function ProcessForm({ process }: { process: Process | null }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(process?.title ?? '');
  const [description, setDescription] = useState(process?.description ?? '');
  const [threshold, setThreshold] = useState(String(process?.supportThreshold ?? 10));
  const [rows, setRows] = useState<Row[]>(() =>
    PHASE_KINDS.map((kind) => {
      const found = process?.phases.find((p) => p.kind === kind);
      return found ? { ...found, used: true } : blankRow(kind);
    }),
  );
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (body: ProcessBody) => saveProcess(process?.id ?? null, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['governance', 'process', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['governance', 'processes'] });
      toast.show(t('process.pSaved'));
      void navigate(`/governance/processes/${saved.id}`);
    },
  });
  const update = (kind: PhaseKind, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.kind === kind ? { ...r, ...change } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const phases = rows.filter((r) => r.used).map(({ used: _used, ...phase }) => phase);
    setMissing(phases.length === 0);
    if (phases.length === 0) return;
    save.mutate({ title, description, supportThreshold: Number(threshold), phases });
  };
  const fieldError = (name: string) =>
    save.error instanceof ApiError ? save.error.fieldErrors()[name] : undefined;
  return (
    <form onSubmit={submit} noValidate className="form process-form">
      <TextField
        label={t('process.pTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError('title')}
        maxLength={200}
        required
      />
      <TextArea
        label={t('process.pDescription')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldError('description')}
        rows={4}
        maxLength={4000}
      />
      <TextField
        label={t('process.pThreshold')}
        type="number"
        min={1}
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
        error={fieldError('supportThreshold')}
        required
      />
      <h2>{t('process.phasesTitle')}</h2>
      <p>{t('process.pPhasesLead')}</p>
      {rows.map((r) => (
        <fieldset key={r.kind} className="phase-edit">
          <legend>{t(`process.phase.${r.kind}`)}</legend>
          <Checkbox
            label={t('process.pUse')}
            checked={r.used}
            onChange={(e) => update(r.kind, { used: e.target.checked })}
          />
          {r.used && (
            <>
              <div className="phase-dates-edit">
                <TextField
                  label={t('process.pStarts')}
                  type="date"
                  value={r.startsOn}
                  onChange={(e) => update(r.kind, { startsOn: e.target.value })}
                  required
                />
                <TextField
                  label={t('process.pEnds')}
                  type="date"
                  value={r.endsOn}
                  onChange={(e) => update(r.kind, { endsOn: e.target.value })}
                  required
                />
              </div>
              {PHASE_PARTS.map((part) => (
                <Checkbox
                  key={part}
                  label={t(`process.part.${part}`)}
                  checked={r[part]}
                  onChange={(e) => update(r.kind, { [part]: e.target.checked })}
                />
              ))}
            </>
          )}
        </fieldset>
      ))}
      {missing && <Alert kind="danger">{t('process.pNeedPhase')}</Alert>}
      {save.isError && <MutationAlert mutation={save} />}
      <Button type="submit" disabled={save.isPending}>
        {t('process.pSave')}
      </Button>
    </form>
  );
}
