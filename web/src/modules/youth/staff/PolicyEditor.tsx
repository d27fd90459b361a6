import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { PolicyCreateBody } from '../../../../../contracts/youth-policies.ts';
import { createPolicy, type PolicyDetail, patchPolicy, useStaffPolicy } from '../../../api/youth-staff.ts';
import { useFormMutation, useZodForm } from '../../../forms/useZodForm.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import '../youth.css';
import './messages.ts';
import { PolicyForm } from './PolicyForm.tsx';
import { PolicyWorkflow } from './PolicyWorkflow.tsx';
import {
  changedBody,
  EMPTY_POLICY,
  fromDetail,
  type PolicyDraft,
  PolicyDraftForm,
  policyFieldOf,
  toBody,
} from './policy-draft.ts';
import { Revisions } from './Revisions.tsx';
import './staff.css';

// Staff: write a new local policy, or edit one, move it through its workflow and read its history.
export default function PolicyEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const title = id ? t('youthStaff.editTitle') : t('youthStaff.newTitle');
  return (
    <RequireSignIn title={title} roles={['staff', 'admin']}>
      {() => (id ? <Existing id={id} /> : <Editor title={title} />)}
    </RequireSignIn>
  );
}

// The editor is keyed by the policy's last change, so after a save or a transition it starts again from
// what the server holds; the outcome message lives here so it survives that.
function Existing({ id }: { id: string }) {
  const { t } = useTranslation();
  const policy = useStaffPolicy(id);
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const [notice, setNotice] = useState<string | null>(created ? t('youthStaff.form.created') : null);
  return (
    <QueryState query={policy}>
      {(p) => (
        <Editor
          key={`${p.id}-${p.updatedAt}`}
          title={t('youthStaff.editTitle')}
          policy={p}
          notice={notice}
          onNotice={setNotice}
        />
      )}
    </QueryState>
  );
}

function Editor({
  title,
  policy,
  notice,
  onNotice,
}: {
  title: string;
  policy?: PolicyDetail;
  notice?: string | null;
  onNotice?: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [initial] = useState<PolicyDraft>(() => (policy ? fromDetail(policy) : EMPTY_POLICY));
  const national = policy?.source === 'national';
  const form = useZodForm(PolicyDraftForm, { defaultValues: initial, fieldOf: policyFieldOf });
  const { mutation, onSubmit } = useFormMutation(
    form,
    {
      mutationFn: async (body: PolicyCreateBody): Promise<'unchanged' | 'saved' | 'created'> => {
        onNotice?.(null);
        if (!policy) {
          const { id } = await createPolicy(body);
          await queryClient.invalidateQueries({ queryKey: ['youth', 'staff'] });
          navigate(`/youth/staff/policies/${id}`, { state: { created: true } });
          return 'created';
        }
        // What changed is judged on the text as loaded and as now typed; the checked values are sent.
        const changed = Object.keys(changedBody(toBody(initial), toBody(form.getValues())));
        if (changed.length === 0) return 'unchanged';
        const values = body as Record<string, unknown>;
        await patchPolicy(policy.id, Object.fromEntries(changed.map((k) => [k, values[k]])));
        return 'saved';
      },
      onSuccess: async (outcome) => {
        if (outcome !== 'saved') return;
        onNotice?.(t('youthStaff.form.saved'));
        await queryClient.invalidateQueries({ queryKey: ['youth'] });
        await queryClient.invalidateQueries({ queryKey: ['public'] });
      },
    },
    policyFieldOf,
  );
  const invalid = Object.keys(form.formState.errors).length > 0;
  const message = mutation.isError
    ? { kind: 'danger' as const, text: mutation.error.message }
    : invalid
      ? { kind: 'danger' as const, text: t('youthStaff.form.fixErrors') }
      : mutation.data === 'unchanged'
        ? { kind: 'success' as const, text: t('youthStaff.form.nothingChanged') }
        : null;

  return (
    <Page
      title={title}
      crumbs={[
        { to: '/youth', label: t('nav.youth') },
        { to: '/youth/staff/policies', label: t('youthStaff.listTitle') },
      ]}
      lead={policy ? policy.title : t('youthStaff.newLead')}
    >
      {policy && (
        <p className="youth-meta">
          <span className={`badge staff-workflow staff-workflow-${policy.workflowStatus}`}>
            {t(`youthStaff.workflow.${policy.workflowStatus}`)}
          </span>
          <span>{t(`youthStaff.source.${policy.source}`)}</span>
          {policy.workflowStatus === 'published' && (
            <Link to={`/youth/policies/${policy.id}`}>{t('youthStaff.viewPublic')}</Link>
          )}
        </p>
      )}
      {notice && !message && <Alert kind="success">{notice}</Alert>}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {policy && <PolicyWorkflow policy={policy} onNotice={(text) => onNotice?.(text)} />}
      {national && <Alert kind="info">{t('youthStaff.form.nationalReadOnly')}</Alert>}
      <form onSubmit={onSubmit} className="form staff-form" noValidate aria-labelledby="staff-form-title">
        <h2 id="staff-form-title">{t('youthStaff.form.heading')}</h2>
        <fieldset className="staff-form-body" disabled={mutation.isPending || national}>
          <PolicyForm form={form} />
          {/* Save stays in reach at the foot of the screen while the long form scrolls. */}
          <div className="staff-save-bar">
            <p className="note">{form.formState.isDirty ? t('youthStaff.form.unsaved') : ''}</p>
            <Button type="submit">{policy ? t('youthStaff.form.save') : t('youthStaff.form.create')}</Button>
          </div>
        </fieldset>
      </form>
      {policy && <Revisions id={policy.id} />}
    </Page>
  );
}
