import nodemailer, { type Transporter } from 'nodemailer';

// One SMTP transport per URL, reused across dispatches. Short timeouts: a silent mail server makes
// a message wait for its retry, not the dispatcher wait for minutes (nodemailer's defaults).
const transports = new Map<string, Transporter>();

export async function sendSmtp(
  smtpUrl: string,
  from: string,
  mail: { to: string; subject: string; text: string; headers?: Record<string, string> },
): Promise<void> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 3_000,
      greetingTimeout: 3_000,
      socketTimeout: 10_000,
    });
    transports.set(smtpUrl, transport);
  }
  await transport.sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.headers ? { headers: mail.headers } : {}),
  });
}
