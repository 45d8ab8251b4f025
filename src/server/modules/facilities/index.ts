import type { FastifyInstance } from 'fastify';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';

export { ensureFirstAdmin } from './bootstrap.ts';

async function routes(_app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('auth', ['users', 'memberships']);
  ctx.health.addTables('business', ['facilities']);
}

export const facilitiesModule: Module = { name: 'facilities', routes };
