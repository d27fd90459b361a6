import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type MailItem, useDevMail, useDevMailbox } from '../../api/admin.ts';
import { Alert } from '../../ui/Alert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Table } from '../../ui/Table.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useAdminCrumbs } from './AdminHome.tsx';
import './admin.css';

// Emails kept when no SMTP server is configured, so the demo works offline.
export default function Mailbox() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <RequireSignIn title={t('admin.mailbox.title')} roles={['admin']}>
      {() => (id ? <Message id={id} /> : <MailList />)}
    </RequireSignIn>
  );
}

function MailList() {
  const { t } = useTranslation();
  const mail = useDevMailbox();
  return (
    <Page title={t('admin.mailbox.title')} crumbs={useAdminCrumbs()} lead={t('admin.mailbox.summary')}>
      <QueryState query={mail}>
        {(data) => (
          <>
            {data.smtpConfigured && <Alert kind="info">{t('admin.mailbox.smtpConfigured')}</Alert>}
            {data.items.length === 0 ? (
              <p>{t('common.empty')}</p>
            ) : (
              <Table<MailItem>
                caption={t('admin.mailbox.caption')}
                rows={data.items}
                rowKey={(r) => r.id}
                columns={[
                  {
                    header: t('admin.mailbox.subject'),
                    rowHeader: true,
                    cell: (r) => <Link to={`/admin/mailbox/${r.id}`}>{r.subject}</Link>,
                  },
                  { header: t('admin.mailbox.to'), cell: (r) => r.to },
                  { header: t('admin.at'), cell: (r) => formatDateTime(r.createdAt) },
                ]}
              />
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** Email text with its web addresses as links (the verification link must be clickable). */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(/((?:https?:\/\/|\/(?:verify-email|reset-password)\?)[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
        <Fragment key={i}>{i % 2 === 1 ? <a href={part}>{part}</a> : part}</Fragment>
      ))}
    </>
  );
}

function Message({ id }: { id: string }) {
  const { t } = useTranslation();
  const message = useDevMail(id);
  const crumbs = [...useAdminCrumbs(), { to: '/admin/mailbox', label: t('admin.mailbox.title') }];
  return (
    <QueryState query={message}>
      {(m) => (
        <Page title={m.subject} crumbs={crumbs}>
          <dl className="facts">
            <div>
              <dt>{t('admin.mailbox.to')}</dt>
              <dd>{m.to}</dd>
            </div>
            <div>
              <dt>{t('admin.at')}</dt>
              <dd>{formatDateTime(m.createdAt)}</dd>
            </div>
          </dl>
          <pre className="mail-body">
            <Linkified text={m.text} />
          </pre>
        </Page>
      )}
    </QueryState>
  );
}
