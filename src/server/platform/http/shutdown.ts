// The HTTP side of a graceful shutdown (cli/serve.ts drives it). Closing the listener at the
// signal reset requests already sent: a connection still in the kernel's accept queue is reset
// when the listening socket closes, and one accepted but not yet read — the event loop busy with
// synchronous SQLite work — looks idle, and idle connections are destroyed on close. So:
//
// 1. begin(): readiness fails (load balancers stop sending) and every response from now on says
//    Connection: close. Connections already accepted, and as many more as the kernel held in the
//    listener's accept queue at that moment (accept-queue.ts), were sent before the signal and are
//    served as usual; requests on connections accepted after those are answered 503 (problem+json,
//    Retry-After). Where the kernel does not say, every connection of the drain is served.
// 2. The caller waits SHUTDOWN_DRAIN, so what was sent before the signal is read and answered,
//    and then until the accept queue is empty (a busy process may still hold connections there),
//    then closes the app: the listener stops, running requests finish, idle connections close.
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Health } from '../health.ts';
import { sendProblem } from './problem.ts';
import { acceptQueueLength } from './accept-queue.ts';

export interface ShutdownGate {
  readonly draining: boolean;
  begin(): void;
  /**
   * Waits (polling, at most `maxMs`) until the kernel holds no connection this process has not
   * accepted: closing the listener would reset those. A busy event loop can lag the drain.
   */
  acceptQueueEmpty(maxMs: number): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    shutdown: ShutdownGate;
  }
}

/** Call before any other onRequest hook is added, so a refused request costs nothing else. */
export function addShutdownGate(app: FastifyInstance, health: Health): ShutdownGate {
  let draining = false;
  let queued = 0; // connections the kernel still held when the drain began
  const late = new WeakSet<Socket>();
  app.server.on('connection', (socket: Socket) => {
    if (!draining) return;
    if (queued > 0) queued--;
    else late.add(socket);
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!draining) return;
    reply.header('connection', 'close');
    if (!late.has(request.raw.socket)) return;
    // The body is read first: closing a connection with unread bytes in it would reset it.
    await bodyRead(request);
    reply.header('retry-after', '1');
    return sendProblem(reply, 'service_unavailable', 'This server is shutting down. Send the request again.');
  });
  health.add('ready', 'accepting', async () => { if (draining) throw new Error('shutting down'); });

  const gate: ShutdownGate = {
    get draining() { return draining; },
    begin() {
      if (draining) return;
      draining = true;
      const address = app.server.address() as AddressInfo | null;
      queued = (address && acceptQueueLength(address.port)) ?? Infinity;
    },
    async acceptQueueEmpty(maxMs) {
      const address = app.server.address() as AddressInfo | null;
      const until = Date.now() + maxMs;
      while (address && (acceptQueueLength(address.port) ?? 0) > 0 && Date.now() < until) await sleep(10);
    },
  };
  app.decorate('shutdown', gate);
  return gate;
}

function bodyRead(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  if (raw.complete) return Promise.resolve();
  return new Promise((resolve) => {
    raw.once('end', resolve);
    raw.once('error', () => resolve());
    raw.resume();
  });
}
