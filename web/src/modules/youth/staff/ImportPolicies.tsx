import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { EXPORT_URL, type ImportResult, uploadImport } from '../../../api/youth-staff.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { formatNumber } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import '../youth.css';
import './messages.ts';
import './staff.css';

// Staff: import a 온통청년 getPlcy file with an upload progress bar, then the report of each record.
const MAX_BYTES = 30 * 1024 * 1024; // the server's limit for this route
type Phase = 'idle' | 'uploading' | 'importing' | 'done' | 'failed';

export default function ImportPoliciesPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('youthStaff.importTitle')} roles={['staff', 'admin']}>
      {(me) => <Import csrfToken={me.csrfToken} />}
    </RequireSignIn>
  );
}

function Import({ csrfToken }: { csrfToken: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [percent, setPercent] = useState(0);
  const [uploaded, setUploaded] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      setPercent(0);
      setUploaded(false);
      return uploadImport(
        chosen,
        csrfToken,
        (loaded, total) => setPercent(total > 0 ? Math.round((loaded / total) * 100) : 0),
        () => {
          setPercent(100);
          setUploaded(true);
        },
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['youth'] });
      await queryClient.invalidateQueries({ queryKey: ['public'] });
    },
  });
  const phase: Phase = upload.isPending
    ? uploaded
      ? 'importing'
      : 'uploading'
    : upload.isSuccess
      ? 'done'
      : upload.isError
        ? 'failed'
        : 'idle';
  const busy = upload.isPending;
  // The body's shape is checked before our import code runs: say what is wrong with the file.
  const failure =
    upload.error instanceof ApiError && upload.error.code === 'validation_failed'
      ? t('youthStaff.import.notAList')
      : upload.error?.message;

  const start = (e: FormEvent) => {
    e.preventDefault();
    const problem = !file
      ? t('youthStaff.import.chooseFile')
      : file.size > MAX_BYTES
        ? t('youthStaff.import.tooLarge')
        : undefined;
    setFileError(problem);
    if (file && !problem) upload.mutate(file);
  };

  return (
    <Page
      title={t('youthStaff.importTitle')}
      crumbs={[
        { to: '/youth', label: t('nav.youth') },
        { to: '/youth/staff/policies', label: t('youthStaff.listTitle') },
      ]}
      lead={t('youthStaff.import.lead')}
    >
      <form className="form" onSubmit={start} noValidate>
        <TextField
          label={t('youthStaff.import.file')}
          type="file"
          name="file"
          accept=".json,application/json"
          required
          hint={t('youthStaff.import.fileHint')}
          error={fileError}
          disabled={busy}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <div className="button-row">
          <Button type="submit" disabled={busy}>
            {t('youthStaff.import.start')}
          </Button>
        </div>
      </form>

      <section aria-labelledby="staff-import-progress" className="section">
        <h2 id="staff-import-progress">{t('youthStaff.import.progressTitle')}</h2>
        <label htmlFor="staff-import-bar" className="field-label">
          {t('youthStaff.import.progressLabel')}
        </label>
        {/* Indeterminate while the server works: it reports nothing until it has finished. */}
        <progress
          id="staff-import-bar"
          className="staff-progress"
          max={100}
          value={phase === 'importing' ? undefined : phase === 'done' ? 100 : percent}
        />
        <p className="staff-percent" aria-hidden="true">
          {phase === 'uploading' ? `${percent}%` : ''}
        </p>
        <p role="status" aria-live="polite" className="staff-phase" data-phase={phase}>
          {t(`youthStaff.import.phase.${phase}`)}
        </p>
      </section>

      {failure && <Alert kind="danger">{failure}</Alert>}
      {upload.data && <Report result={upload.data} />}

      <section aria-labelledby="staff-export" className="section">
        <h2 id="staff-export">{t('youthStaff.import.exportTitle')}</h2>
        <p>{t('youthStaff.import.exportText')}</p>
        <p>
          <a href={EXPORT_URL} download="youth-policies.json">
            {t('youthStaff.import.exportLink')}
          </a>
        </p>
      </section>
    </Page>
  );
}

function Report({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="staff-import-report" className="section">
      <h2 id="staff-import-report">{t('youthStaff.import.reportTitle')}</h2>
      <dl className="staff-report">
        <div>
          <dt>{t('youthStaff.import.imported')}</dt>
          <dd>{formatNumber(result.imported)}</dd>
        </div>
        <div>
          <dt>{t('youthStaff.import.updated')}</dt>
          <dd>{formatNumber(result.updated)}</dd>
        </div>
        <div>
          <dt>{t('youthStaff.import.rejected')}</dt>
          <dd>{formatNumber(result.rejected.length)}</dd>
        </div>
      </dl>
      {result.rejected.length > 0 && (
        <Table
          caption={t('youthStaff.import.rejectedCaption')}
          rows={result.rejected}
          rowKey={(r) => String(r.index)}
          columns={[
            {
              header: t('youthStaff.import.index'),
              numeric: true,
              rowHeader: true,
              cell: (r) => r.index + 1,
            },
            { header: t('youthStaff.import.plcyNo'), cell: (r) => r.externalId ?? '—' },
            { header: t('youthStaff.import.reason'), cell: (r) => r.reason },
          ]}
        />
      )}
    </section>
  );
}
