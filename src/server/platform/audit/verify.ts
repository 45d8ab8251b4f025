// Checks the audit hash chain end to end: every event's hash, every link to the event before, no
// missing sequence numbers, and the chain head. Reads in seq-ordered batches, so memory stays flat
// however long the log is. The triggers stop UPDATE and DELETE through the app; this finds what
// someone with direct database rights did anyway.
import type { Db } from '../../db/connect.ts';
import type { AuditEventTable } from '../platform.tables.ts';
import { eventHash } from './audit-log.ts';

export interface ChainProblem { seq: number; id?: string; problem: string }
export interface ChainReport { ok: boolean; checked: number; problems: ChainProblem[] }

export const GENESIS_HASH = '0'.repeat(64);
export const MAX_PROBLEMS = 100;

export async function verifyAuditChain(db: Db, opts: { batchSize?: number } = {}): Promise<ChainReport> {
  const batchSize = opts.batchSize ?? 1000;
  const problems: ChainProblem[] = [];
  const report = (p: ChainProblem) => { if (problems.length < MAX_PROBLEMS) problems.push(p); };

  // Events up to the head read now were committed before the walk starts (the head moves in the
  // same transaction as its event), so the walk must reach it; anything shorter was cut off.
  const headBefore = await readHead(db);
  let checked = 0;
  let cursor: number | undefined;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  for (;;) {
    let query = db.kysely.selectFrom('audit_events').selectAll().orderBy('seq').limit(batchSize);
    if (cursor !== undefined) query = query.where('seq', '>', cursor);
    const rows = await query.execute();
    for (const raw of rows) {
      const row = normalize(raw);
      const { hash, ...content } = row;
      const expected = lastSeq + 1;
      if (row.seq < expected) {
        report({ seq: row.seq, id: row.id, problem: 'sequence number below 1: the event was inserted outside the chain' });
      } else if (row.seq > expected) {
        report({ seq: expected, problem: `${missing(expected, row.seq - 1)}: deleted` });
      } else if (row.prev_hash !== lastHash) {
        report({ seq: row.seq, id: row.id, problem: `prev_hash does not match the hash of ${row.seq === 1 ? 'the chain start' : `event ${lastSeq}`}: an event was rewritten or inserted` });
      }
      if (eventHash(content) !== hash) report({ seq: row.seq, id: row.id, problem: 'hash does not match the contents: the event was changed' });
      checked += 1;
      cursor = row.seq;
      if (row.seq >= expected) {
        lastSeq = row.seq;
        lastHash = hash;
      }
    }
    if (rows.length < batchSize) break;
  }

  if (lastSeq < headBefore.seq) {
    report({ seq: lastSeq + 1, problem: `the head names event ${headBefore.seq} but the chain ends at ${lastSeq}: ${missing(lastSeq + 1, headBefore.seq)} (tail truncated)` });
  }
  // Read again: events appended during the walk legitimately move the head past lastSeq.
  const head = await readHead(db);
  if (head.seq < lastSeq) {
    report({ seq: head.seq, problem: `the chain goes on past the head (event ${head.seq}) to event ${lastSeq}: events were added without moving the head, or the head was moved back` });
  } else if (head.seq === lastSeq && head.hash !== lastHash) {
    report({ seq: head.seq, problem: `the head's hash differs from event ${lastSeq}'s hash: the head was rewritten` });
  }
  return { ok: problems.length === 0, checked, problems };
}

async function readHead(db: Db): Promise<{ seq: number; hash: string }> {
  const head = await db.kysely.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  // A missing head row is itself tampering; treating it as empty reports every event as past the head.
  return head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
}

// Drivers differ in how a bigint comes back; the hash covers seq as a JSON number.
function normalize(row: AuditEventTable): AuditEventTable {
  return { ...row, seq: Number(row.seq) };
}

const missing = (from: number, to: number) => (from === to ? `event ${from} is missing` : `events ${from}–${to} are missing`);
