import { createHash } from 'node:crypto';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { CHART_STYLE_ATTRIBUTES } from '../../contracts/chart-styles.ts';

const styleHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// Helmet's headers for our settings never vary by request (no nonces), but @fastify/helmet builds
// helmet's middleware again on every request, parsing the CSP each time: it was nearly half the
// cost of answering /healthz. So we ask helmet once, at start, what it sends, and send that.
const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Style attributes only with these exact texts (the charts'); no inline <style>, no other attribute.
      styleSrc: ["'self'", "'unsafe-hashes'", ...CHART_STYLE_ATTRIBUTES.map(styleHash)],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      workerSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  hsts: false, // sent below, only over HTTPS
};

const HSTS = 'max-age=31536000; includeSubDomains';

async function headersOf(withHelmet: boolean): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  if (withHelmet) await probe.register(helmet, HELMET_OPTIONS);
  probe.get('/', async () => 'probe');
  const res = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
}

let known: Promise<Record<string, string>> | null = null;

/** The headers helmet adds for our settings (those a probe without helmet does not send). */
export function securityHeaders(): Promise<Record<string, string>> {
  known ??= Promise.all([headersOf(true), headersOf(false)]).then(([withHelmet, without]) =>
    Object.fromEntries(Object.entries(withHelmet).filter(([k, v]) => without[k] !== v && k !== 'date')),
  );
  return known;
}

/** Every answer carries the security headers; HSTS only over HTTPS. */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = await securityHeaders();
  if (!headers['content-security-policy']) throw new Error('helmet sent no Content-Security-Policy');
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers);
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    done();
  });
}
