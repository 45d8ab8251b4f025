// The signed-in user: who they are, where they work and what they may do, and their preferences.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditContext } from '../../platform/audit/request-context.ts';
import { nowIso } from '../../platform/ids.ts';
import { MeResponse, PreferencesBody } from './auth.schemas.ts';
import { meView } from './me.ts';
import type { AuthDeps } from './throttle.ts';

const tags = ['auth'];
// Preferences stay settable during a forced password change: the user may need Arabic to read it.
const config = { access: 'authenticated' as const };

export function meRoutes({ ctx }: AuthDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    const db = ctx.db.kysely;

    app.get('/auth/me', {
      config,
      schema: { operationId: 'getMe', tags, response: { 200: MeResponse }, summary: 'The signed-in user: facilities with role, permissions, time zone and lock delay; preferences' },
    }, (request) => meView(db, request.principal!.userId));

    app.patch('/auth/me', {
      config,
      schema: { operationId: 'updateMyPreferences', tags, body: PreferencesBody, response: { 200: MeResponse }, summary: 'Set your interface language and digit style' },
    }, async (request) => {
      const { userId } = request.principal!;
      const { preferredLanguage, digits } = request.body;
      const changes = {
        ...(preferredLanguage !== undefined && { preferred_language: preferredLanguage }),
        ...(digits !== undefined && { number_digits: digits }),
      };
      if (Object.keys(changes).length) {
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('users').set({ ...changes, updated_at: nowIso() }).where('id', '=', userId).execute();
          await ctx.audit.record({ ...auditContext(request), action: 'user.preferences', targetType: 'user', targetId: userId, details: request.body }, trx);
        });
      }
      return meView(db, userId);
    });
  };
}
