import nodemailer, { type Transporter } from 'nodemailer';

// One SMTP transport per URL, reused across dispatches.
const transports = new Map<string, Transporter>();

export async function sendSmtp(
  smtpUrl: string,
  from: string,
  mail: { to: string; subject: string; text: string; headers?: Record<string, string> },
): Promise<void> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
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
