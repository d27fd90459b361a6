import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consentsKey, setConsent, useConsents } from '../../api/privacy.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { QueryState } from '../../ui/QueryState.tsx';

export function ConsentsSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const consents = useConsents();
  const change = useMutation({
    mutationFn: ({ purpose, granted }: { purpose: string; granted: boolean }) =>
      setConsent(purpose, { granted }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(consentsKey(i18n.language), updated);
      // The youth profile depends on its consent: let that section read it again.
      await queryClient.invalidateQueries({ queryKey: ['youth'] });
    },
  });
  return (
    <section aria-labelledby="me-consents" className="section">
      <h2 id="me-consents">{t('me.consentsTitle')}</h2>
      <MutationAlert
        mutation={change}
        success={change.variables?.granted ? t('me.consentGranted') : t('me.consentWithdrawn')}
      />
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
                    disabled={change.isPending}
                    onClick={() => change.mutate({ purpose: c.purpose, granted: !c.granted })}
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
