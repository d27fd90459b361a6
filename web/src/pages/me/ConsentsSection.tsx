import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Consent } from '../../api/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAction } from './useAction.ts';

export function ConsentsSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const consents = useQuery({
    queryKey: ['consents', i18n.language],
    queryFn: () => api<{ items: Consent[] }>('/api/v1/me/consents'),
  });
  const action = useAction();
  const change = (purpose: string, granted: boolean) =>
    action.run(async () => {
      const updated = await api<{ items: Consent[] }>(`/api/v1/me/consents/${encodeURIComponent(purpose)}`, {
        method: 'PUT',
        body: { granted },
      });
      queryClient.setQueryData(['consents', i18n.language], updated);
      // The youth profile depends on its consent: let that section read it again.
      await queryClient.invalidateQueries({ queryKey: ['youth'] });
      return granted ? t('me.consentGranted') : t('me.consentWithdrawn');
    });
  return (
    <section aria-labelledby="me-consents" className="section">
      <h2 id="me-consents">{t('me.consentsTitle')}</h2>
      {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
      <QueryState query={consents}>
        {(data) => (
          <ul className="card-list">
            {data.items.map((c) => (
              <li key={c.purpose} className="card">
                <h3 className="card-title">
                  {c.title}{' '}
                  <span className="badge">{c.required ? t('common.required') : t('common.optional')}</span>
                </h3>
                <p>
                  {c.granted ? t('me.consentOn') : t('me.consentOff')}
                  {c.recordedAt &&
                    ` · ${t('me.consentRecorded', { at: formatDateTime(c.recordedAt), version: c.noticeVersion })}`}
                </p>
                {!c.required && (
                  <Button
                    variant={c.granted ? 'tertiary' : 'secondary'}
                    disabled={action.busy}
                    onClick={() => change(c.purpose, !c.granted)}
                  >
                    {c.granted
                      ? t('me.consentWithdraw', { title: c.title })
                      : t('me.consentGrant', { title: c.title })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
