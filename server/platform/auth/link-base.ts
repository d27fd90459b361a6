import type { FastifyRequest } from 'fastify';
import { resolveOrganization } from '../tenants/queries.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where links in account emails point: HAMKKE_PUBLIC_URL when set. Otherwise the request's own
 * origin, but only when its host is one we serve (the organization's host, loopback, or any host
 * in demo mode): a forged Host header must not turn a reset email into a link to someone else's site.
 */
export async function linkBase(req: FastifyRequest): Promise<string> {
  const { config } = req.ctx;
  if (config.HAMKKE_PUBLIC_URL) return config.HAMKKE_PUBLIC_URL.replace(/\/$/, '');
  const host = req.host;
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  const org = await resolveOrganization(req.ctx.db, host);
  if (config.demo || LOOPBACK.has(hostname) || org.host?.toLowerCase() === hostname)
    return `${req.protocol}://${host}`;
  return `http://localhost:${config.PORT}`;
}
