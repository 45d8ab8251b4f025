// The general API limit (RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW): once per client address
// before authentication, so floods and token guessing are cut off before they cost a token check or
// a database query, and once per signed-in user, so one account cannot outrun it by switching
// networks. Health, metrics and the API docs are never limited: probes and scrapers must always get in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import type { HitResult, RateLimitStore } from './store.ts';
import { addressKey } from './client-address.ts';

export interface GeneralLimitOptions { store: RateLimitStore; windowMs: number; max: number }

function limited(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0]!;
  return path.startsWith('/api/') && !request.routeOptions.url?.startsWith('/api/docs');
}

async function plugin(app: FastifyInstance, { store, windowMs, max }: GeneralLimitOptions) {
  const count = async (key: string, reply: FastifyReply) => {
    const result = await store.hit(key, windowMs);
    setHeaders(reply, max, result);
    if (result.count > max) {
      const retryAfter = String(Math.max(1, Math.ceil(result.resetMs / 1000)));
      throw new AppError('too_many_requests', `Too many requests. Try again in ${retryAfter} seconds.`, { retryAfterSeconds: Number(retryAfter) }, { 'retry-after': retryAfter });
    }
  };

  // Registered before the authenticate plugin, so this onRequest hook runs ahead of its token check.
  app.addHook('onRequest', async (request, reply) => {
    if (limited(request)) await count(`api:ip:${addressKey(request.ip)}`, reply);
  });

  // preParsing follows every onRequest hook (so the principal is known) and comes before the body is read.
  app.addHook('preParsing', async (request, reply) => {
    if (request.principal && limited(request)) await count(`api:user:${request.principal.userId}`, reply);
  });
}

// The headers describe whichever of the address and user budgets has less left.
function setHeaders(reply: FastifyReply, max: number, { count, resetMs }: HitResult) {
  const remaining = Math.max(0, max - count);
  const shown = reply.getHeader('ratelimit-remaining');
  if (shown !== undefined && Number(shown) <= remaining) return;
  reply.header('ratelimit-limit', String(max));
  reply.header('ratelimit-remaining', String(remaining));
  reply.header('ratelimit-reset', String(Math.max(0, Math.ceil(resetMs / 1000))));
}

// Not encapsulated: the hooks must see every route of the app.
export const generalLimit = fp(plugin, { name: 'nilecare-general-limit' });
