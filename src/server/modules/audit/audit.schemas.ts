import { Type, type Static } from 'typebox';

export const MAX_PAGE = 200;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Timestamp = (description: string) => Type.String({ format: 'date-time', description: `${description}; ISO 8601 with Z or an offset` });

export const AuditEventsQuery = Type.Object({
  actorId: Type.Optional(Type.String({ format: 'uuid', description: 'Events done by this user' })),
  patientId: Type.Optional(Type.String({ format: 'uuid', description: 'Events about this patient' })),
  action: Type.Optional(Type.String({
    minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$',
    description: 'Exact action (auth.login), or a prefix ending in a dot (auth.) for every action under it',
  })),
  outcome: Type.Optional(Type.Enum(['success', 'failure', 'denied'])),
  from: Type.Optional(Timestamp('Events at or after this time')),
  to: Type.Optional(Timestamp('Events before this time')),
  scope: Type.Enum(['facility', 'all'], {
    default: 'facility',
    description: 'facility: the active facility (X-Facility-Id), with the sign-in and other account events of its staff. all (super admins only): every facility and events tied to none, such as failed sign-ins of unknown emails',
  }),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page' })),
}, { additionalProperties: false });
export type AuditEventsQueryInput = Static<typeof AuditEventsQuery>;

export const AuditEvent = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  occurredAt: Type.String(),
  actorId: Nullable(Type.String()),
  action: Type.String(),
  outcome: Type.String(),
  facilityId: Nullable(Type.String()),
  patientId: Nullable(Type.String()),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  details: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export type AuditEventView = Static<typeof AuditEvent>;

export const AuditEventPage = Type.Object({
  items: Type.Array(AuditEvent),
  nextCursor: Nullable(Type.String()),
});
export type AuditEventPageView = Static<typeof AuditEventPage>;
