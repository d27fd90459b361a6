import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addPushDevice,
  type PushDevice,
  pushDevicesKey,
  pushPublicKey,
  removePushDevice,
  usePushDevices,
} from '../../api/notify.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import '../notify/messages.ts';

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
  const devices = usePushDevices();
  const [permission, setPermission] = useState(supported() ? Notification.permission : 'denied');
  const thisDevice = typeof localStorage !== 'undefined' ? localStorage.getItem(THIS_DEVICE) : null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: pushDevicesKey });

  /** Asks the browser, subscribes with our public key and registers the subscription; false when refused. */
  const enable = useMutation({
    mutationFn: async () => {
      const asked = await Notification.requestPermission();
      setPermission(asked);
      if (asked !== 'granted') return false;
      const reg = await registration();
      await navigator.serviceWorker.ready;
      const { publicKey } = await pushPublicKey();
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(publicKey),
        }));
      const json = sub.toJSON();
      const saved = await addPushDevice({
        endpoint: json.endpoint ?? '',
        expirationTime: json.expirationTime ?? null,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      });
      localStorage.setItem(THIS_DEVICE, saved.id);
      await refresh();
      return true;
    },
  });
  const remove = useMutation({
    mutationFn: async (device: PushDevice) => {
      await removePushDevice(device.id);
      if (device.id === thisDevice) {
        localStorage.removeItem(THIS_DEVICE);
        const sub = await (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription();
        await sub?.unsubscribe();
      }
      await refresh();
    },
  });
  const busy = enable.isPending || remove.isPending;
  // The latest of the two outcomes is the one to read.
  const last = remove.submittedAt > enable.submittedAt ? remove : enable;

  return (
    <section aria-labelledby="me-push" className="section">
      <h2 id="me-push">{t('notify.push.title')}</h2>
      <p>{t('notify.push.lead')}</p>
      <MutationAlert
        mutation={last}
        success={
          last === remove ? t('notify.push.removed') : enable.data ? t('notify.push.enabled') : undefined
        }
      />
      {!supported() ? (
        <Alert kind="info">{t('notify.push.unsupported')}</Alert>
      ) : permission === 'denied' ? (
        <Alert kind="warning">{t('notify.push.denied')}</Alert>
      ) : (
        <Button onClick={() => enable.mutate()} disabled={busy}>
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
                      onClick={() => remove.mutate(d)}
                      disabled={busy}
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
