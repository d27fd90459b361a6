import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../api/client.ts';
import type { MeView } from '../../api/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useAction } from './useAction.ts';

// Download my data (a plain link: the server sends it as an attachment) and delete my account.
export function DataSection({ me }: { me: MeView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [deleted, setDeleted] = useState(false);
  const action = useAction();
  const passwordless = me.email === null;

  const remove = (e: FormEvent) => {
    e.preventDefault();
    action.run(async () => {
      await api('/api/v1/me/delete', {
        method: 'POST',
        body: passwordless ? { confirm: 'DELETE' } : { password },
      });
      setCsrfToken(null);
      setOpen(false);
      setDeleted(true);
      queryClient.clear();
      navigate('/account-deleted');
      return undefined;
    });
  };

  return (
    <section aria-labelledby="me-data" className="section">
      <h2 id="me-data">{t('me.dataTitle')}</h2>
      <p>{t('me.exportLead')}</p>
      <p>
        <a className="btn btn-secondary" href="/api/v1/me/export" download>
          {t('me.exportButton')}
        </a>
      </p>
      <h3>{t('me.deleteTitle')}</h3>
      <p>{t('me.deleteLead')}</p>
      {deleted && <Alert kind="success">{t('me.deleted')}</Alert>}
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('me.deleteButton')}
      </Button>
      <Modal open={open} title={t('me.deleteConfirmTitle')} onClose={() => setOpen(false)}>
        <form onSubmit={remove} className="form" noValidate>
          <p>{t('me.deleteConfirmText')}</p>
          {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
          {!passwordless && (
            <TextField
              label={t('me.currentPassword')}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              error={action.fieldErrors.password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
          <div className="button-row">
            <Button type="submit" variant="danger" disabled={action.busy}>
              {t('me.deleteConfirmButton')}
            </Button>
            <Button variant="tertiary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Modal>
    </section>
  );
}
