import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * API responses carry patient records (full national ids) and tokens: no browser, proxy or CDN may
 * keep a copy, so every response says `no-store`, errors included. Health and metrics are live
 * state, where a cached answer would be a wrong one. Only the API documentation (`/api/docs…`,
 * public and the same for everyone) is left to its own caching. A route that sets its own
 * Cache-Control keeps it.
 */
export async function noStore(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (reply.hasHeader('cache-control') || request.url.startsWith('/api/docs')) return;
  reply.header('cache-control', 'no-store');
  // For HTTP/1.0 caches, which do not read Cache-Control.
  reply.header('pragma', 'no-cache');
}
