import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { OrganizationSettings as Settings } from '../../api/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAction } from '../me/useAction.ts';
import { RequireSignIn } from '../RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';

export default function OrganizationSettings() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('admin.organization.title')} roles={['admin']}>
      {() => <SettingsForm />}
    </RequireSignIn>
  );
}

function SettingsForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['admin', 'organization'],
    queryFn: () => api<Settings>('/api/v1/admin/organization'),
  });
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    action.run(async () => {
      const saved = await api<Settings>('/api/v1/admin/organization', {
        method: 'PATCH',
        body: {
          nameKo: draft.nameKo.trim(),
          nameEn: draft.nameEn.trim(),
          requireStaffTwoFactor: draft.requireStaffTwoFactor,
        },
      });
      queryClient.setQueryData(['admin', 'organization'], saved);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      return t('common.saved');
    });
  };
  return (
    <Page
      title={t('admin.organization.title')}
      crumbs={useAdminCrumbs()}
      lead={t('admin.organization.summary')}
    >
      <QueryState query={settings}>
        {() =>
          draft && (
            <form onSubmit={submit} className="form" noValidate>
              {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
              <TextField
                label={t('admin.organization.nameKo')}
                name="nameKo"
                lang="ko"
                required
                value={draft.nameKo}
                error={action.fieldErrors.nameKo}
                onChange={(e) => setDraft({ ...draft, nameKo: e.target.value })}
              />
              <TextField
                label={t('admin.organization.nameEn')}
                name="nameEn"
                lang="en"
                required
                value={draft.nameEn}
                error={action.fieldErrors.nameEn}
                onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })}
              />
              <Checkbox
                name="requireStaffTwoFactor"
                checked={draft.requireStaffTwoFactor}
                onChange={(e) => setDraft({ ...draft, requireStaffTwoFactor: e.target.checked })}
                label={t('admin.organization.requireStaffTwoFactor')}
                description={<p>{t('admin.organization.requireStaffTwoFactorHint')}</p>}
              />
              <Button type="submit" disabled={action.busy}>
                {t('common.save')}
              </Button>
            </form>
          )
        }
      </QueryState>
    </Page>
  );
}
