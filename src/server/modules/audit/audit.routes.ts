// GET /audit-events: the audit log, newest first, for compliance officers (their active facility)
// and super admins (their active facility, or everything with scope=all). Reading it is audited.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import type { AuditEventTable } from '../../platform/platform.tables.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { AuditEventsQuery, AuditEventPage, type AuditEventView } from './audit.schemas.ts';
import { findAuditEvents, type AuditScope } from './audit.repository.ts';
import { toFilter, encodeCursor } from './audit.filters.ts';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/audit-events', {
    config: { access: { permission: 'audit:read' } },
    schema: { operationId: 'listAuditEvents',
      tags: ['audit'],
      summary: 'List audit events, newest first',
      querystring: AuditEventsQuery,
      response: { 200: AuditEventPage },
    },
  }, async (request) => {
    const { facilityId, role } = scopeOf(request);
    const q = request.query;
    if (q.scope === 'all' && role !== 'super_admin') {
      await ctx.audit.record({ ...auditContext(request), action: 'audit.read', outcome: 'denied', targetType: 'audit_events', details: { scope: 'all' } });
      throw new AppError('forbidden', 'Only a super admin may read the audit log of every facility (scope=all).');
    }
    const scope: AuditScope = q.scope === 'all' ? 'all' : { facilityId };
    const filter = toFilter(q);
    const rows = await findAuditEvents(ctx.db, scope, filter, q.limit + 1);
    const items = rows.slice(0, q.limit).map(toView);
    const nextCursor = rows.length > q.limit ? encodeCursor(items[items.length - 1]!.seq) : null;
    const { cursor: _cursor, limit: _limit, ...filters } = q;
    await ctx.audit.record({
      ...auditContext(request), action: 'audit.read', patientId: q.patientId ?? null, targetType: 'audit_events',
      details: { ...filters, returned: items.length },
    });
    return { items, nextCursor };
  });
}

function toView(r: AuditEventTable): AuditEventView {
  return {
    id: r.id,
    seq: r.seq,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    action: r.action,
    outcome: r.outcome,
    facilityId: r.facility_id,
    patientId: r.patient_id,
    targetType: r.target_type,
    targetId: r.target_id,
    ip: r.ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
    details: r.details === null ? null : JSON.parse(r.details) as Record<string, unknown>,
  };
}
