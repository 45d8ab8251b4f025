// What the patient use cases need: the app context, the patient cache, and who is asking.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { AuditEvent } from '../../platform/audit/audit-log.ts';
import type { KeyRing } from '../../platform/field-crypto.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import type { PatientCache } from './patient-cache.ts';

export interface PatientDeps { ctx: AppContext; cache: PatientCache }

export interface Caller {
  /** The facility the caller acts in; every patient read or written belongs to it. */
  facilityId: string;
  audit: Pick<AuditEvent, 'actorId' | 'facilityId' | 'ip' | 'userAgent' | 'requestId'>;
}

export function callerOf(request: FastifyRequest): Caller {
  return { facilityId: scopeOf(request).facilityId, audit: auditContext(request) };
}

export function keyRing(ctx: AppContext): KeyRing {
  return { keys: ctx.config.phi.keys, activeKeyId: ctx.config.phi.activeKeyId };
}
