import type { Config } from '../../config.ts';

/** What an operator must know when the server starts with these settings (printed by main.ts). */
export function startWarnings(config: Config): string[] {
  const lines: string[] = [];
  if (config.mailDisabled)
    lines.push(
      'Warning: no email will be sent. Neither SMTP_URL nor the dev mailbox is set, so account ' +
        'verification and password reset emails cannot reach anyone (/readyz reports mail "disabled"). ' +
        'Set SMTP_URL=smtp://user:pass@host:587 and SMTP_FROM, or HAMKKE_DEV_MAILBOX=1 to keep emails ' +
        'in the admin dev mailbox on a trial installation.',
    );
  if (config.HAMKKE_TEST_PUSH_ALLOW_LOOPBACK)
    lines.push(
      'Warning: HAMKKE_TEST_PUSH_ALLOW_LOOPBACK is set: Web Push may connect to push services on this ' +
        "machine's loopback address. It is for tests only; never set it on a real installation.",
    );
  return lines;
}

/** The first-run instructions for a database without an organization (printed by main.ts). */
export const NO_ORGANIZATION_LINES = [
  'No organization yet: the site shows the first-run page and the API answers 503 until you create it:',
  '  npm run cli -- org add --slug SLUG --name-ko 이름 --name-en Name',
  '  npm run cli -- user add --email E --password P --role admin --role staff',
  '(node dist/server/cli.js … in a compiled deployment; on the embedded database, stop the server first.)',
];
