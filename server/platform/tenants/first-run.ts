import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { NOT_INSTALLED } from './queries.ts';

// A fresh install (migrated, no organization yet) serves health checks and a first-run page that
// says how to finish; everything else answers 503 `not_installed` until `org add` has run.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route also runs before the first organization exists (health checks, the first-run page). */
    beforeInstall?: true;
  }
}

export const isInstalled = (req: FastifyRequest): boolean => req.ctx.organizationId !== NOT_INSTALLED.id;

/** Called once the request's context is built: refuses every route not marked `beforeInstall`. */
export function requireInstalled(req: FastifyRequest): void {
  if (!isInstalled(req) && !req.routeOptions.config?.beforeInstall) throw new AppError('not_installed', 503);
}

export const FIRST_RUN_CSS_PATH = '/first-run.css';

export const FIRST_RUN_CSS = `body{margin:0;font-family:system-ui,"Noto Sans KR","Nanum Gothic",sans-serif;line-height:1.6;color:#1e2124;background:#f4f5f6}
main{max-width:46rem;margin:2rem auto;padding:0 1rem}
section{background:#fff;border:1px solid #cdd1d5;border-radius:.5rem;padding:1rem 1.5rem;margin-bottom:1.5rem}
h1{font-size:1.5rem}h2{font-size:1.25rem}
pre{background:#1e2124;color:#fff;padding:1rem;border-radius:.25rem;overflow-x:auto;white-space:pre-wrap}
code{font-family:ui-monospace,"D2Coding",monospace}
`;

const ORG_ADD =
  'npm run cli -- org add --slug yeongdeungpo --name-ko "영등포구 사회적경제과" --name-en "Yeongdeungpo-gu Social Economy Division"';
const USER_ADD =
  "npm run cli -- user add --email admin@example.go.kr --password '…' --role admin --role staff";

/** Static text only (nothing from the request), no script, styles from FIRST_RUN_CSS_PATH: the strict CSP holds. */
export const FIRST_RUN_HTML = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>함께 Hamkke — 설치가 끝나지 않았습니다 · Installation not finished</title>
<link rel="stylesheet" href="${FIRST_RUN_CSS_PATH}">
</head>
<body>
<main>
<section>
<h1>설치가 끝나지 않았습니다</h1>
<p>함께 서버가 실행 중이고 데이터베이스도 준비되었지만, 아직 기관과 첫 관리자 계정이 없습니다.
서버와 같은 설정(<code>DATABASE_URL</code>, <code>HAMKKE_SECRET_KEY</code> 등)으로 아래 두 명령을 실행하십시오.
기관 이름과 이메일, 비밀번호는 실제 값으로 바꾸십시오.</p>
<pre><code>${ORG_ADD}
${USER_ADD}</code></pre>
<p>컴파일된 배포에서는 <code>npm run cli --</code> 대신 <code>node dist/server/cli.js</code>를 씁니다.
PostgreSQL에서는 서버를 켜 둔 채 실행할 수 있고, 서버를 다시 시작하지 않아도 기관이 생기면 이 페이지 대신 사이트가 열립니다.
내장 데이터베이스(PGlite)는 한 프로세스만 열 수 있으므로 서버를 멈춘 뒤 실행하고 다시 시작하십시오.</p>
</section>
<section lang="en">
<h2>The installation is not finished</h2>
<p>The Hamkke server is running and its database is ready, but there is no organization and no first
admin account yet. Run these two commands with the same settings as the server (<code>DATABASE_URL</code>,
<code>HAMKKE_SECRET_KEY</code>, …), with your organization's names and a real email and password:</p>
<pre><code>${ORG_ADD}
${USER_ADD}</code></pre>
<p>In a compiled deployment, use <code>node dist/server/cli.js</code> instead of <code>npm run cli --</code>.
On PostgreSQL they can run while the server runs: once the organization exists, the site opens here
instead of this page, without a restart. The embedded database (PGlite) opens in one process only:
stop the server, run them, and start it again.</p>
</section>
</main>
</body>
</html>
`;

/** The first-run page, for any page of the site while no organization exists. */
export function sendFirstRunPage(reply: FastifyReply): FastifyReply {
  return reply
    .status(503)
    .header('cache-control', 'no-store')
    .header('retry-after', '60')
    .type('text/html; charset=utf-8')
    .send(FIRST_RUN_HTML);
}
