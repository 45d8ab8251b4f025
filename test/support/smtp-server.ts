// A real SMTP server inside the test (the smtp-server package): STARTTLS with a self-signed
// certificate made for the run, AUTH PLAIN/LOGIN with one account, and every accepted message kept
// raw and parsed (mailparser), so tests read back exactly what arrived.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import selfsigned from 'selfsigned';

export interface ReceivedMail { envelopeTo: string[]; secure: boolean; user: string | undefined; raw: Buffer; parsed: ParsedMail }

export interface TestSmtp {
  port: number;
  user: string;
  password: string;
  /** The certificate's PEM, written to a file to hand to SMTP_CA_FILE. */
  caFile: string;
  received: ReceivedMail[];
  /** Hold each message this long before answering 250; a client gone meanwhile has delivered nothing. */
  holdMs: number;
  /** Messages whose DATA has started (held ones included). */
  dataStarted: number;
  /** Answer the next n messages with this SMTP error code (e.g. 451 transient, 550 permanent). */
  failNext(n: number, code: number): void;
  /** SMTP_* variables pointing at this server. */
  env(): Record<string, string>;
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048, extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-smtp-'));
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, pems.cert);
  const received: ReceivedMail[] = [];
  const user = 'nilecare';
  const password = 'smtp-test-password';
  let failing = { n: 0, code: 0 };
  const closed = new Set<string>();
  const server = new SMTPServer({
    key: pems.private, cert: pems.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    // Refuse credentials over plain text: the client must have used STARTTLS first.
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) cb(null, { user });
      else cb(new Error('Invalid username or password'));
    },
    onClose(session) { closed.add(session.id); },
    onData(stream, session, cb) {
      t.dataStarted++;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failing.n > 0) {
          failing.n--;
          const err = Object.assign(new Error(failing.code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: failing.code });
          cb(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        void new Promise((r) => setTimeout(r, t.holdMs)).then(() => {
          // As a real MTA: a message is delivered only once the client has been told 250.
          if (closed.has(session.id)) { cb(new Error('client went away')); return undefined; }
          return simpleParser(raw);
        }).then((parsed) => {
          if (!parsed) return;
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), secure: session.secure, user: session.user as string | undefined, raw, parsed });
          cb();
        }, cb);
      });
    },
  });
  // A client killed mid-session resets its connection; the server reports it here, and a real MTA
  // shrugs it off too.
  server.on('error', (err: NodeJS.ErrnoException) => { if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const t: TestSmtp = {
    port, user, password, caFile, received, holdMs: 0, dataStarted: 0,
    failNext(n, code) { failing = { n, code }; },
    env: () => ({ SMTP_HOST: 'localhost', SMTP_PORT: String(port), SMTP_USER: user, SMTP_PASSWORD: password, SMTP_FROM: 'NileCare <noreply@clinic.example.sd>', SMTP_CA_FILE: caFile, SMTP_REQUIRE_TLS: 'true', SMTP_CONNECTION_TIMEOUT: '5s', SMTP_GREETING_TIMEOUT: '5s', SMTP_SOCKET_TIMEOUT: '10s' }),
    async waitFor(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`SMTP server received ${received.length} message(s), expected ${n}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise((resolve) => { server.close(() => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); }); }),
  };
  return t;
}
