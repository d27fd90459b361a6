import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../../contracts/auth.ts';
import { type AdminUser, grantRole, type Role, revokeRole, useAdminUsers } from '../../api/admin.ts';
import { hasRole, type MeView } from '../../api/session.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';
import './users-messages.ts';
import './admin.css';

export default function Users() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('admin.users.title')} roles={['admin', 'staff']}>
      {(me) => <UserList me={me} />}
    </RequireSignIn>
  );
}

function UserList({ me }: { me: MeView }) {
  const { t } = useTranslation();
  const admin = hasRole(me, 'admin');
  const [q, setQ] = useState('');
  const [reason, setReason] = useState('');
  // A search runs with the reason it was given; paging on reuses both.
  const [filter, setFilter] = useState({ q: '', reason: '' });
  const users = useAdminUsers(filter);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ q: q.trim(), reason: reason.trim() });
  };
  return (
    <Page title={t('admin.users.title')} crumbs={useAdminCrumbs()} lead={t('admin.users.summary')}>
      {admin ? (
        <search>
          <form onSubmit={submit} className="form">
            <TextField
              label={t('adminUsers.search')}
              hint={t('adminUsers.searchHint')}
              type="search"
              name="q"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <TextField
              label={t('adminUsers.reason')}
              hint={t('adminUsers.reasonHint')}
              name="reason"
              value={reason}
              required={q.trim() !== ''}
              minLength={2}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button type="submit" variant="secondary">
              {t('shell.searchButton')}
            </Button>
          </form>
        </search>
      ) : (
        <p className="note">{t('adminUsers.staffNote')}</p>
      )}
      <QueryState query={users}>
        {(data) => (
          <>
            <ul className="card-list">
              {data.pages
                .flatMap((p) => p.items)
                .map((u) => (
                  <UserCard key={u.id} user={u} canEdit={admin} />
                ))}
            </ul>
            {users.hasNextPage && (
              <Button variant="secondary" onClick={() => users.fetchNextPage()}>
                {t('common.more')}
              </Button>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function UserCard({ user, canEdit }: { user: AdminUser; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState(user.roles);
  const [role, setRole] = useState<Role | ''>('');
  const changed = async (answer: { roles: Role[] }) => {
    setRoles(answer.roles);
    setRole('');
    await queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
  };
  const grant = useMutation({ mutationFn: (r: Role) => grantRole(user.id, r), onSuccess: changed });
  const revoke = useMutation({ mutationFn: (r: Role) => revokeRole(user.id, r), onSuccess: changed });
  const busy = grant.isPending || revoke.isPending;
  // The latest of the two outcomes is the one to read.
  const last = revoke.submittedAt > grant.submittedAt ? revoke : grant;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (role) grant.mutate(role);
  };
  return (
    <li className="card">
      <h2 className="card-title">
        {user.displayName} {user.deleted && <span className="badge">{t('admin.users.deleted')}</span>}
      </h2>
      <p className="note">
        {user.email ?? '—'} · {t('admin.users.joined', { at: formatDateTime(user.createdAt) })}
      </p>
      <MutationAlert
        mutation={last}
        success={
          last.variables &&
          t(last === grant ? 'admin.users.granted' : 'admin.users.revoked', {
            role: t(`roles.${last.variables}`),
          })
        }
      />
      <ul className="role-list" aria-label={t('me.roles')}>
        {roles.map((r) => (
          <li key={r}>
            <span>{t(`roles.${r}`)}</span>
            {canEdit && (
              <Button
                variant="tertiary"
                className="btn-small"
                aria-label={t('admin.users.revoke', { role: t(`roles.${r}`), name: user.displayName })}
                onClick={() => revoke.mutate(r)}
                disabled={busy}
              >
                {t('admin.users.remove')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && !user.deleted && (
        <form onSubmit={submit} className="form form-inline">
          <SelectField
            label={t('admin.users.addRole', { name: user.displayName })}
            value={role}
            onChange={(e) => setRole(e.target.value as Role | '')}
          >
            <option value="">{t('admin.users.chooseRole')}</option>
            {ROLE_NAMES.filter((r) => !roles.includes(r)).map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" disabled={busy || !role}>
            {t('admin.users.grant')}
          </Button>
        </form>
      )}
    </li>
  );
}
