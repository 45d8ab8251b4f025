import type { FastifyInstance } from 'fastify';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { facilityRoutes } from './facilities.routes.ts';
import { facilitySettingsRoutes } from './facility-settings.routes.ts';
import { userRoutes } from './users.routes.ts';

export { ensureFirstAdmin } from './bootstrap.ts';
export { resetPassword } from './reset-password.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('auth', ['users', 'memberships']);
  ctx.health.addTables('business', ['facilities']);
  await facilityRoutes(app, { ctx });
  await facilitySettingsRoutes(app, { ctx });
  await userRoutes(app, { ctx });
}

export const facilitiesModule: Module = { name: 'facilities', routes };
