// While the server shuts down, requests that still arrive on open connections are refused with a
// 503 problem (and Connection: close) so the client retries elsewhere. Replaces Fastify's
// return503OnClosing, whose body is not problem+json.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => { closing = true; });
  app.addHook('onRequest', async () => {
    if (!closing) return;
    throw new AppError('service_unavailable', 'This server is shutting down; send the request again.', undefined, { connection: 'close', 'retry-after': '1' });
  });
}
