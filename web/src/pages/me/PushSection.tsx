import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import './notify-messages.ts';
import { useAction } from './useAction.ts';

interface Device {
  id: string;
  label: string;
  endpointHost: string;
  createdAt: string;
}

// Which subscription is this browser's, to mark it and to unsubscribe it here when removed.
const THIS_DEVICE = 'hamkke.pushSubscriptionId';

const supported = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  // The app registers the worker in production builds; in development it is registered here.
  return (await navigator.serviceWorker.getRegistration()) ?? navigator.serviceWorker.register('/sw.js');
}

export function PushSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['push-subscriptions'];
  const devices = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: Device[] }>('/api/v1/me/push-subscriptions'),
  });
  const [permission, setPermission] = useState(supported() ? Notification.permission : 'denied');
  const action = useAction();
  const thisDevice = typeof localStorage !== 'undefined' ? localStorage.getItem(THIS_DEVICE) : null;

  const enable = () =>
    action.run(async () => {
      const asked = await Notification.requestPermission();
      setPermission(asked);
      if (asked !== 'granted') return undefined;
      const reg = await registration();
      await navigator.serviceWorker.ready;
      const { publicKey } = await api<{ publicKey: string }>('/api/v1/push/public-key');
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(publicKey),
        }));
      const json = sub.toJSON();
      const saved = await api<Device>('/api/v1/me/push-subscriptions', {
        method: 'POST',
        body: { endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: json.keys },
      });
      localStorage.setItem(THIS_DEVICE, saved.id);
      await queryClient.invalidateQueries({ queryKey: key });
      return t('notify.push.enabled');
    });

  const remove = (device: Device) =>
    action.run(async () => {
      await api(`/api/v1/me/push-subscriptions/${device.id}`, { method: 'DELETE' });
      if (device.id === thisDevice) {
        localStorage.removeItem(THIS_DEVICE);
        const sub = await (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription();
        await sub?.unsubscribe();
      }
      await queryClient.invalidateQueries({ queryKey: key });
      return t('notify.push.removed');
    });

  return (
    <section aria-labelledby="me-push" className="section">
      <h2 id="me-push">{t('notify.push.title')}</h2>
      <p>{t('notify.push.lead')}</p>
      {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
      {!supported() ? (
        <Alert kind="info">{t('notify.push.unsupported')}</Alert>
      ) : permission === 'denied' ? (
        <Alert kind="warning">{t('notify.push.denied')}</Alert>
      ) : (
        <Button onClick={enable} disabled={action.busy}>
          {t('notify.push.enable')}
        </Button>
      )}
      <h3>{t('notify.push.devices')}</h3>
      <QueryState query={devices}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('notify.push.none')}</p>
          ) : (
            <ul className="device-list">
              {data.items.map((d) => {
                const name = d.label || t('notify.push.unknownDevice');
                return (
                  <li key={d.id}>
                    <span>
                      {name}
                      {d.id === thisDevice && ` (${t('notify.push.thisDevice')})`} ·{' '}
                      {t('notify.push.since', { date: formatDateTime(d.createdAt) })}
                    </span>{' '}
                    <Button
                      variant="tertiary"
                      onClick={() => remove(d)}
                      disabled={action.busy}
                      aria-label={t('notify.push.removeLabel', { device: name })}
                    >
                      {t('notify.push.remove')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
