export interface AuditEventTable {
  id: string;
  seq: number;
  occurred_at: string;
  actor_id: string | null;
  action: string;
  outcome: string;
  facility_id: string | null;
  patient_id: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

/** An audit event without a facility that a facility may see: a staff member's sign-in, say (decision 0011). */
export interface AuditEventFacilityTable {
  facility_id: string;
  seq: number;
}

export interface OutboxTable {
  id: string;
  topic: string;
  payload: string;
  status: 'pending' | 'processing' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  processed_at: string | null;
  /** Set for scheduled occurrences ('<topic>@<run_at ISO>'): unique, so each is enqueued once. */
  dedupe_key: string | null;
}

export interface WorkerHeartbeatTable {
  worker_id: string;
  started_at: string;
  beat_at: string;
}

export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface PlatformTables {
  audit_chain_head: AuditChainHeadTable;
  audit_events: AuditEventTable;
  audit_event_facilities: AuditEventFacilityTable;
  outbox: OutboxTable;
  worker_heartbeats: WorkerHeartbeatTable;
}
