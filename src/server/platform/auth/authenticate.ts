// Runs before every non-public route: who is calling (access token + live session state), in which
// facility they act (membership, or X-Facility-Id when they have several), and whether their role
// there grants the route's permission. A denial is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import { roleCan, type Permission } from '../access/roles.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../../db/connect.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { SessionStates, Membership } from './session-state.ts';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
  isSuperAdmin: boolean;
  memberships: Membership[];
  /** The facility this request acts in; set on every route that declares a permission. */
  facilityId: string | null;
  role: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthenticateOptions { db: Db; tokens: AccessTokens; sessions: SessionStates; audit: AuditLog }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unauthorized = (message: string) => new AppError('token_invalid', message, undefined, { 'www-authenticate': 'Bearer' });

async function plugin(app: FastifyInstance, opts: AuthenticateOptions) {
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const principal = await identify(request, opts);
    request.principal = principal;
    if (access === 'authenticated') return;
    const state = await opts.sessions.get(principal.userId, principal.sessionId);
    if (state?.mustChangePassword) throw new AppError('password_change_required', 'Change your password before doing anything else (POST /api/v1/auth/password).');
    if (state?.mfaEnrollmentRequired) throw new AppError('mfa_enrollment_required', 'Your facility requires two-step sign-in for your role: set it up first (POST /api/v1/auth/mfa/enroll, then /auth/mfa/confirm).');
    await resolveFacility(request, principal, opts.db);
    if (!principal.isSuperAdmin && !roleCan(principal.role!, access.permission)) {
      await deny(request, opts.audit, access.permission);
    }
  });
}

async function identify(request: FastifyRequest, opts: AuthenticateOptions): Promise<Principal> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) {
    throw new AppError('unauthorized', 'Sign in first: send "Authorization: Bearer <access token>".', undefined, { 'www-authenticate': 'Bearer' });
  }
  const claims = await opts.tokens.verify(header.slice(7).trim());
  if (!claims) throw unauthorized('The access token is invalid or expired.');
  const state = await opts.sessions.get(claims.userId, claims.sessionId);
  if (!state || !state.active || state.sessionRevoked || state.tokenVersion !== claims.tokenVersion) {
    throw unauthorized('This session has ended; sign in again.');
  }
  return {
    userId: state.userId,
    email: state.email,
    name: state.name,
    sessionId: claims.sessionId,
    isSuperAdmin: state.memberships.some((m) => m.role === 'super_admin'),
    memberships: state.memberships,
    facilityId: null,
    role: null,
  };
}

async function resolveFacility(request: FastifyRequest, principal: Principal, db: Db): Promise<void> {
  const header = request.headers['x-facility-id'];
  const requested = typeof header === 'string' ? header.trim() : undefined;
  if (requested !== undefined && !UUID.test(requested)) {
    throw new AppError('validation_failed', 'X-Facility-Id must be a facility id (UUID).', { errors: [{ field: 'headers.x-facility-id', message: 'must be a UUID' }] });
  }
  if (requested) {
    const membership = principal.memberships.find((m) => m.facilityId === requested);
    if (membership) {
      principal.facilityId = requested;
      principal.role = principal.isSuperAdmin ? 'super_admin' : membership.role;
      return;
    }
    if (!principal.isSuperAdmin) throw new AppError('forbidden', 'You are not a member of the facility named in X-Facility-Id.');
    const exists = await db.kysely.selectFrom('facilities').select('id').where('id', '=', requested).executeTakeFirst();
    if (!exists) throw new AppError('not_found', 'The facility named in X-Facility-Id does not exist.');
    principal.facilityId = requested;
    principal.role = 'super_admin';
    return;
  }
  if (principal.memberships.length === 1) {
    principal.facilityId = principal.memberships[0]!.facilityId;
    principal.role = principal.isSuperAdmin ? 'super_admin' : principal.memberships[0]!.role;
    return;
  }
  throw new AppError('bad_request', 'You belong to several facilities: say which one with the X-Facility-Id header.');
}

async function deny(request: FastifyRequest, audit: AuditLog, permission: Permission): Promise<never> {
  const p = request.principal!;
  await audit.record({
    action: 'access.denied', outcome: 'denied', actorId: p.userId, facilityId: p.facilityId,
    targetType: 'route', targetId: `${request.method} ${request.routeOptions.url}`.slice(0, 64),
    ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id, details: { permission, role: p.role },
  });
  throw new AppError('forbidden', `Your role (${p.role}) does not allow ${permission}.`);
}

export const authenticate = fp(plugin, { name: 'nilecare-authenticate' });

/** The caller's identity and facility on a route that declared a permission. */
export function scopeOf(request: FastifyRequest): { userId: string; facilityId: string; role: string } {
  const p = request.principal;
  if (!p?.facilityId || !p.role) throw new Error('scopeOf() used on a route without a permission');
  return { userId: p.userId, facilityId: p.facilityId, role: p.role };
}
