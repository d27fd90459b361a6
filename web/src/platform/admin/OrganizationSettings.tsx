import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OrganizationPatch } from '../../../../contracts/admin.ts';
import {
  type OrganizationSettingsView,
  organizationKey,
  saveOrganizationSettings,
  useOrganizationSettings,
} from '../../api/admin.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';

// The form sends every setting; the contract lets a change name only some.
const SettingsForm = OrganizationPatch.required();
const toForm = ({ nameKo, nameEn, requireStaffTwoFactor }: OrganizationSettingsView) => ({
  nameKo,
  nameEn,
  requireStaffTwoFactor,
});

export default function OrganizationSettings() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('admin.organization.title')} roles={['admin']}>
      {() => <SettingsPage />}
    </RequireSignIn>
  );
}

function SettingsPage() {
  const { t } = useTranslation();
  const settings = useOrganizationSettings();
  return (
    <Page
      title={t('admin.organization.title')}
      crumbs={useAdminCrumbs()}
      lead={t('admin.organization.summary')}
    >
      <QueryState query={settings}>{(data) => <SettingsEditor settings={data} />}</QueryState>
    </Page>
  );
}

function SettingsEditor({ settings }: { settings: OrganizationSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(SettingsForm, { defaultValues: toForm(settings) });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: saveOrganizationSettings,
    onSuccess: async (saved) => {
      queryClient.setQueryData(organizationKey, saved);
      form.reset(toForm(saved));
      // The organization's name shows in the header, and the two-factor rule changes what staff may do.
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: ['public', 'organization'] });
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <MutationAlert mutation={mutation} success={t('common.saved')} />
      <TextField
        label={t('admin.organization.nameKo')}
        lang="ko"
        required
        error={errors.nameKo?.message}
        {...form.register('nameKo')}
      />
      <TextField
        label={t('admin.organization.nameEn')}
        lang="en"
        required
        error={errors.nameEn?.message}
        {...form.register('nameEn')}
      />
      <Checkbox
        label={t('admin.organization.requireStaffTwoFactor')}
        description={<p>{t('admin.organization.requireStaffTwoFactorHint')}</p>}
        {...form.register('requireStaffTwoFactor')}
      />
      <Button type="submit" disabled={mutation.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}
