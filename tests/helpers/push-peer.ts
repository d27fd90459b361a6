import { execFileSync } from 'node:child_process';
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PushedMessage {
  subscription: string;
  /** The decrypted body, parsed as JSON. */
  payload: Record<string, unknown>;
  /** The VAPID key (`k=`) and JWT claims the sender signed with. */
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  ttl: string | undefined;
}

export interface PeerSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const b64u = (b: Buffer) => b.toString('base64url');
const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/**
 * A local Web Push service for tests: HTTPS on 127.0.0.1, reached as `localhost` (push hosts are
 * DNS names), with a throwaway self-signed certificate (`certPem`). The server runs with
 * HAMKKE_PUSH_HOSTS=localhost and the test-only HAMKKE_TEST_PUSH_ALLOW_LOOPBACK=1. It holds each
 * subscription's private key, checks the VAPID Authorization header (ES256 JWT by the sender's
 * key, aud = this origin, not expired) and decrypts the aes128gcm body (RFC 8291 over RFC 8188), recording what arrived. A check that fails
 * is answered 400/401/403 and recorded in `rejected`. `answer` sets a subscription's next status.
 */
export async function startPushPeer() {
  const dir = mkdtempSync(join(tmpdir(), 'push-peer-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(join(dir, 'key.pem'));
  const cert = readFileSync(join(dir, 'cert.pem'));
  rmSync(dir, { recursive: true });

  const subs = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer; answers: number[] }>();
  const received: PushedMessage[] = [];
  const rejected: string[] = [];
  let origin = '';

  function checkVapid(header: string | undefined) {
    const m = header?.match(/^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/);
    if (!m) throw new Error('no VAPID authorization');
    const [h, p, s] = m[1].split('.');
    const head = JSON.parse(Buffer.from(h, 'base64url').toString());
    if (head.alg !== 'ES256') throw new Error(`alg ${head.alg}`);
    const point = Buffer.from(m[2], 'base64url');
    if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
    const publicKey = createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
      format: 'jwk',
    });
    const signed = verify(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    );
    if (!signed) throw new Error('bad VAPID signature');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    if (claims.aud !== origin) throw new Error(`aud ${claims.aud} is not ${origin}`);
    if (!(claims.exp > Date.now() / 1000) || claims.exp > Date.now() / 1000 + 24 * 3600)
      throw new Error('exp out of range');
    if (!/^(mailto:|https:)/.test(claims.sub ?? '')) throw new Error('sub missing');
    return { vapidKey: m[2], claims };
  }

  // RFC 8291 §3.4 and RFC 8188 §2: one record, padding delimiter 0x02 then zeros.
  function decrypt(sub: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }, body: Buffer): Buffer {
    const salt = body.subarray(0, 16);
    const idlen = body[20];
    const senderKey = body.subarray(21, 21 + idlen);
    const ciphertext = body.subarray(21 + idlen);
    const secret = sub.ecdh.computeSecret(senderKey);
    const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), sub.ecdh.getPublicKey(), senderKey]);
    const ikm = hkdf(sub.auth, secret, keyInfo, 32);
    const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
    const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
    const plain = Buffer.concat([
      decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
      decipher.final(),
    ]);
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    if (plain[end] !== 2) throw new Error('no final-record delimiter');
    return plain.subarray(0, end);
  }

  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const id = req.url?.match(/^\/push\/([0-9a-f-]+)$/)?.[1];
      const sub = id ? subs.get(id) : undefined;
      const reply = (status: number, why?: string) => {
        if (why) rejected.push(why);
        res.writeHead(status).end();
      };
      if (req.method !== 'POST' || !id || !sub) return reply(404);
      const answer = sub.answers.shift();
      if (answer) return reply(answer);
      let vapid: ReturnType<typeof checkVapid>;
      try {
        vapid = checkVapid(req.headers.authorization);
      } catch (err) {
        return reply(401, (err as Error).message);
      }
      if (req.headers['content-encoding'] !== 'aes128gcm') return reply(400, 'not aes128gcm');
      try {
        const payload = JSON.parse(decrypt(sub, Buffer.concat(chunks)).toString('utf8'));
        received.push({ subscription: id, payload, ...vapid, ttl: req.headers.ttl as string | undefined });
      } catch (err) {
        return reply(400, `undecryptable: ${(err as Error).message}`);
      }
      reply(201);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    rejected,
    /** The peer's certificate (PEM): the dispatcher's `pushCa`, or NODE_EXTRA_CA_CERTS for a server process. */
    certPem: cert.toString('utf8'),
    /** A browser's subscription: a fresh P-256 key pair and auth secret, held by the peer. */
    subscribe(): PeerSubscription {
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subs.set(id, { ecdh, auth, answers: [] });
      return {
        id,
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) },
      };
    },
    /** The next requests to this subscription are answered with these statuses (410: gone). */
    answer(id: string, ...statuses: number[]) {
      subs.get(id)?.answers.push(...statuses);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
