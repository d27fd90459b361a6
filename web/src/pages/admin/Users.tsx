import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { hasRole } from '../../api/session.ts';
import type { AdminUser, Page as ListPage, MeView } from '../../api/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAction } from '../me/useAction.ts';
import { RequireSignIn } from '../RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';
import './users-messages.ts';

const ROLES = ['resident', 'youth', 'enterprise_member', 'buyer', 'working_group_member', 'staff', 'admin'];

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
  const users = useInfiniteQuery({
    queryKey: ['admin', 'users', filter],
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams();
      if (filter.q) {
        qs.set('q', filter.q);
        qs.set('reason', filter.reason);
      }
      if (pageParam) qs.set('cursor', pageParam);
      return api<ListPage<AdminUser>>(`/api/v1/admin/users?${qs}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
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
  const [role, setRole] = useState('');
  const action = useAction();
  const grant = (e: FormEvent) => {
    e.preventDefault();
    if (!role) return;
    action.run(async () => {
      const answer = await api<{ roles: string[] }>(`/api/v1/admin/users/${user.id}/roles`, {
        method: 'POST',
        body: { role },
      });
      setRoles(answer.roles);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
      return t('admin.users.granted', { role: t(`roles.${role}`) });
    });
  };
  const revoke = (r: string) =>
    action.run(async () => {
      const answer = await api<{ roles: string[] }>(`/api/v1/admin/users/${user.id}/roles/${r}`, {
        method: 'DELETE',
      });
      setRoles(answer.roles);
      return t('admin.users.revoked', { role: t(`roles.${r}`) });
    });
  return (
    <li className="card">
      <h2 className="card-title">
        {user.displayName} {user.deleted && <span className="badge">{t('admin.users.deleted')}</span>}
      </h2>
      <p className="note">
        {user.email ?? '—'} · {t('admin.users.joined', { at: formatDateTime(user.createdAt) })}
      </p>
      {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
      <ul className="role-list" aria-label={t('me.roles')}>
        {roles.map((r) => (
          <li key={r}>
            <span>{t(`roles.${r}`)}</span>
            {canEdit && (
              <Button
                variant="tertiary"
                className="btn-small"
                aria-label={t('admin.users.revoke', { role: t(`roles.${r}`), name: user.displayName })}
                onClick={() => revoke(r)}
                disabled={action.busy}
              >
                {t('admin.users.remove')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && !user.deleted && (
        <form onSubmit={grant} className="form form-inline">
          <SelectField
            label={t('admin.users.addRole', { name: user.displayName })}
            value={role}
            onChange={(e) => setRole(e.target.value)}
          >
            <option value="">{t('admin.users.chooseRole')}</option>
            {ROLES.filter((r) => !roles.includes(r)).map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" disabled={action.busy || !role}>
            {t('admin.users.grant')}
          </Button>
        </form>
      )}
    </li>
  );
}
