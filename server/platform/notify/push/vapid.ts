import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Config } from '../../../config.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { pushVapidKeys } from '../tables.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

type VapidConfig = Pick<Config, 'HAMKKE_VAPID_PUBLIC_KEY' | 'HAMKKE_VAPID_PRIVATE_KEY'>;

/**
 * The installation's VAPID key pair: the settings when given (production keeps them in its secret
 * store), else the row made on first use. Concurrent first uses agree: the insert does nothing when
 * another one won, and everyone reads the stored row.
 */
export async function vapidKeys(db: DbOrTx, config: VapidConfig): Promise<VapidKeys> {
  if (config.HAMKKE_VAPID_PUBLIC_KEY && config.HAMKKE_VAPID_PRIVATE_KEY)
    return { publicKey: config.HAMKKE_VAPID_PUBLIC_KEY, privateKey: config.HAMKKE_VAPID_PRIVATE_KEY };
  const stored = await readKeys(db);
  if (stored) return stored;
  const fresh = webpush.generateVAPIDKeys();
  await db
    .insert(pushVapidKeys)
    .values({ id: 1, ...fresh })
    .onConflictDoNothing();
  return (await readKeys(db)) as VapidKeys;
}

async function readKeys(db: DbOrTx): Promise<VapidKeys | null> {
  const [row] = await db
    .select({ publicKey: pushVapidKeys.publicKey, privateKey: pushVapidKeys.privateKey })
    .from(pushVapidKeys)
    .where(eq(pushVapidKeys.id, 1));
  return row ?? null;
}

/** Who runs this server, for push services to contact (a VAPID claim): mailto: or https:. */
export function vapidSubject(
  config: Pick<Config, 'HAMKKE_VAPID_SUBJECT' | 'HAMKKE_PUBLIC_URL' | 'SMTP_FROM'>,
): string {
  if (config.HAMKKE_VAPID_SUBJECT) return config.HAMKKE_VAPID_SUBJECT;
  if (config.HAMKKE_PUBLIC_URL?.startsWith('https://')) return config.HAMKKE_PUBLIC_URL;
  const address = config.SMTP_FROM.match(/<([^>]+)>/)?.[1] ?? config.SMTP_FROM;
  return `mailto:${address.includes('@') ? address.trim() : 'no-reply@localhost'}`;
}
