import type { FastifyRequest } from 'fastify';
import type { AuditEvent } from './audit-log.ts';

/** Who, from where and in which request — the part of every audit event the request already knows. */
export function auditContext(request: FastifyRequest): Pick<AuditEvent, 'actorId' | 'facilityId' | 'ip' | 'userAgent' | 'requestId'> {
  return {
    actorId: request.principal?.userId ?? null,
    facilityId: request.principal?.facilityId ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  };
}
