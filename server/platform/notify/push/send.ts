import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { RequestDetails } from 'web-push';

/** Until the TLS handshake is done, and for the whole exchange: a silent push host costs this much. */
export const PUSH_CONNECT_TIMEOUT_MS = 3_000;
export const PUSH_TOTAL_TIMEOUT_MS = 10_000;

// Addresses a push service never has: a name on the allowed list that resolves here (a DNS
// change, a rebinding attacker, an operator's typo) must not make the server call inside the network.
const refused = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  refused.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['64:ff9b::', 96], // NAT64 (an IPv4 address inside)
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  refused.addSubnet(net, prefix, 'ipv6');
// (IPv4-mapped IPv6 addresses, ::ffff:a.b.c.d, are checked against the IPv4 ranges by BlockList.)

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether the server must not send to this address (loopback allowed only by the test setting). */
export function isRefusedAddress(address: string, allowLoopback = false): boolean {
  const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (allowLoopback && loopback.check(address, type)) return false;
  return refused.check(address, type);
}

export interface Target {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the push host and returns the address to connect to. Every address the name has must
 * be a public one; `allowLoopback` (test-only setting) lets the local test push service through.
 */
export async function vetPushHost(hostname: string, allowLoopback: boolean): Promise<Target> {
  const found = await lookup(hostname, { all: true });
  if (found.some((a) => isRefusedAddress(a.address, allowLoopback)))
    throw new Error(`push host ${hostname} resolves to a refused address`);
  const pick = found.find((a) => a.family === 4) ?? found[0];
  if (!pick) throw new Error(`push host ${hostname} has no address`);
  return { address: pick.address, family: pick.family === 6 ? 6 : 4 };
}

export class PushHttpError extends Error {
  constructor(readonly statusCode: number) {
    super(`push service answered ${statusCode}`);
  }
}

/**
 * Sends a prepared Web Push request (web-push made the encrypted body and VAPID headers) to the
 * address that was checked, so a second DNS answer cannot send it elsewhere; TLS still checks the
 * certificate against the host name. Resolves on 2xx; a PushHttpError carries any other status.
 */
export async function postPush(
  details: RequestDetails,
  opts: { allowLoopback: boolean; ca?: string | Buffer },
): Promise<void> {
  const url = new URL(details.endpoint);
  const target = await vetPushHost(url.hostname, opts.allowLoopback);
  await new Promise<void>((resolve, reject) => {
    const req = request({
      host: target.address,
      family: target.family,
      servername: url.hostname,
      port: url.port || 443,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { ...details.headers, host: url.host },
      agent: false,
      ...(opts.ca ? { ca: opts.ca } : {}),
    });
    const fail = (message: string) => () => req.destroy(new Error(message));
    const connectTimer = setTimeout(fail('push connect timeout'), PUSH_CONNECT_TIMEOUT_MS);
    const totalTimer = setTimeout(fail('push timeout'), PUSH_TOTAL_TIMEOUT_MS);
    const done = (err?: Error) => {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      if (err) reject(err);
      else resolve();
    };
    req.on('socket', (socket) => socket.once('secureConnect', () => clearTimeout(connectTimer)));
    req.on('error', done);
    req.on('response', (res) => {
      res.resume(); // the body says nothing we use
      res.on('error', done);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        done(status >= 200 && status < 300 ? undefined : new PushHttpError(status));
      });
    });
    req.end(details.body ?? undefined);
  });
}
