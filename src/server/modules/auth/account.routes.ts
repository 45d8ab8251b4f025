// The signed-in user's own credentials: password and two-step sign-in (TOTP + recovery codes).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditContext } from '../../platform/audit/request-context.ts';
import { MfaCodeBody, MfaConfirmBody, MfaDisableBody, MfaEnrollBody, MfaConfirmResponse, MfaEnrollResponse, MfaStateProblem, NoContent, PasswordChangeBody, RecoveryCodesResponse, TokenPair } from './auth.schemas.ts';
import { confirm, disable, enroll, regenerateRecoveryCodes } from './mfa.service.ts';
import { changePassword } from './password-change.ts';
import type { AuthDeps } from './throttle.ts';

const tags = ['auth'];
const config = { access: 'authenticated' as const };

export function accountRoutes(deps: AuthDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();

    app.post('/auth/password', {
      config,
      schema: { operationId: 'changePassword',
        tags, body: PasswordChangeBody, response: { 200: TokenPair },
        summary: 'Change your password',
        description: 'Ends every session of the account, including this one, and returns a new token pair for this device.',
      },
    }, (request) => changePassword(deps, request.principal!.userId, request.body, auditContext(request)));

    app.post('/auth/mfa/enroll', {
      config,
      schema: { operationId: 'startMfaEnrollment', tags, body: MfaEnrollBody, response: { 200: MfaEnrollResponse, 409: MfaStateProblem }, summary: 'Start setting up an authenticator app (your password again; confirm with a code next)' },
    }, (request) => enroll(deps, request.principal!.userId, request.body.password, auditContext(request)));

    app.post('/auth/mfa/confirm', {
      config,
      schema: {
        operationId: 'confirmMfa', tags, body: MfaConfirmBody, response: { 200: MfaConfirmResponse, 409: MfaStateProblem },
        summary: 'Turn on two-step sign-in with a first code; returns recovery codes once',
        description: 'Ends every session of the account, including this one, and returns a new token pair for this device with the recovery codes.',
      },
    }, (request) => confirm(deps, request.principal!.userId, request.body.code, auditContext(request)));

    app.post('/auth/mfa/disable', {
      config,
      schema: { operationId: 'disableMfa', tags, body: MfaDisableBody, response: { 204: NoContent, 409: MfaStateProblem }, summary: 'Turn off two-step sign-in (password and a code or recovery code)' },
    }, async (request, reply) => {
      await disable(deps, request.principal!.userId, request.body, auditContext(request));
      return reply.code(204).send(null);
    });

    app.post('/auth/mfa/recovery-codes', {
      config,
      schema: { operationId: 'regenerateRecoveryCodes', tags, body: MfaCodeBody, response: { 200: RecoveryCodesResponse, 409: MfaStateProblem }, summary: 'Replace your recovery codes (the old ones stop working)' },
    }, async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(deps, request.principal!.userId, request.body.code, auditContext(request)) }));
  };
}
