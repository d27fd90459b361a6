import net from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * A minimal SMTP server (RFC 5321 plain text, no TLS, no auth) for tests: a real protocol peer
 * for nodemailer. `failNext` makes the next DATA answer 451, as a busy server would.
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const state = { failNext: 0 };
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let mail: ReceivedMail = { from: '', to: [], data: '' };
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 localhost test SMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          if (state.failNext > 0) {
            state.failNext--;
            say('451 try again later');
          } else {
            received.push(mail);
            say('250 queued');
          }
          mail = { from: '', to: [], data: '' };
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') say('250 localhost');
        else if (verb === 'HELO') say('250 localhost');
        else if (verb === 'MAIL') {
          mail.from = line.slice(10);
          say('250 ok');
        } else if (verb === 'RCPT') {
          mail.to.push(line.slice(8));
          say('250 ok');
        } else if (verb === 'DATA') {
          inData = true;
          say('354 end with .');
        } else if (verb === 'QUIT') {
          say('221 bye');
          socket.end();
        } else say('250 ok'); // RSET, NOOP
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
