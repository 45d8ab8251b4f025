// Self-service password reset: public routes (the user cannot sign in), limited per address and
// per email on top of the general API limit.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditContext } from '../../platform/audit/request-context.ts';
import { NoContent, PasswordResetAccepted, PasswordResetBody, PasswordResetConfirmBody } from './auth.schemas.ts';
import { confirmPasswordReset, requestPasswordReset, RESET_TTL_MINUTES } from './password-reset.ts';
import type { AuthDeps } from './throttle.ts';

const tags = ['auth'];
const publicRoute = { access: 'public' as const };
const ACCEPTED = `If an account uses this email, a link to set a new password is on its way. It works once, for ${RESET_TTL_MINUTES} minutes.`;

export function passwordResetRoutes(deps: AuthDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();

    app.post('/auth/password-reset', {
      config: publicRoute,
      schema: {
        operationId: 'requestPasswordReset', tags, security: [], body: PasswordResetBody, response: { 202: PasswordResetAccepted },
        summary: 'Email a link to set a new password',
        description: `Always answers 202 with the same body, whether or not the email has an account. The link (APP_URL/reset-password#token=…) works once, for ${RESET_TTL_MINUTES} minutes; asking again retires the older link. 429 past 3 requests per email or 20 per address in an hour.`,
      },
    }, async (request, reply) => {
      await requestPasswordReset(deps, request.body, auditContext(request));
      return reply.code(202).send({ message: ACCEPTED });
    });

    app.post('/auth/password-reset/confirm', {
      config: publicRoute,
      schema: {
        operationId: 'confirmPasswordReset', tags, security: [], body: PasswordResetConfirmBody, response: { 204: NoContent },
        summary: 'Set a new password with the emailed token',
        description: 'Ends every session of the account and signs nobody in: sign in with the new password next (and the second factor, when it is on). 400 naming body.token when the link is unknown, expired or used; body.newPassword when the password policy refuses it.',
      },
    }, async (request, reply) => {
      await confirmPasswordReset(deps, request.body, auditContext(request));
      return reply.code(204).send(null);
    });
  };
}
