import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DeleteAccountBody } from '../../../../contracts/privacy.ts';
import { setCsrfToken } from '../../api/client.ts';
import { deleteAccount } from '../../api/privacy.ts';
import type { MeView } from '../../api/session.ts';
import { errorOf, useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';

// Accounts with a password confirm with it; accounts without one (single sign-on) send confirm: "DELETE".
const WithPassword = DeleteAccountBody.pick({ password: true }).required();
const WithoutPassword = DeleteAccountBody.pick({ confirm: true }).required();

// Download my data (a plain link: the server sends it as an attachment) and delete my account.
export function DataSection({ me }: { me: MeView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const passwordless = me.email === null;
  const form = useZodForm(passwordless ? WithoutPassword : WithPassword, {
    defaultValues: passwordless ? { confirm: 'DELETE' } : { password: '' },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: deleteAccount,
    onSuccess: () => {
      setCsrfToken(null);
      setOpen(false);
      queryClient.clear();
      navigate('/account-deleted');
    },
  });

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
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('me.deleteButton')}
      </Button>
      <Modal open={open} title={t('me.deleteConfirmTitle')} onClose={() => setOpen(false)}>
        <form onSubmit={onSubmit} className="form" noValidate>
          <p>{t('me.deleteConfirmText')}</p>
          <MutationAlert mutation={mutation} />
          {!passwordless && (
            <TextField
              label={t('me.currentPassword')}
              type="password"
              autoComplete="current-password"
              required
              error={errorOf(form.formState.errors, 'password')}
              {...form.register('password')}
            />
          )}
          <div className="button-row">
            <Button type="submit" variant="danger" disabled={mutation.isPending}>
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
