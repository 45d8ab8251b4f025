// The rule that freezes a completed encounter: a write into it must be an amendment — a new record
// naming the record of the same kind and encounter it corrects, with a reason. An open encounter
// takes plain records, and amendments too (a nurse correcting a mistyped weight).
import { AppError } from '../../platform/errors.ts';
import type { EncounterTable } from './clinical.table.ts';
import type { Executor } from './clinical-deps.ts';
import { entryExists, type EntryTable } from './entries.repository.ts';

export interface AmendmentInput { amendsId?: string; reason?: string }

export async function checkAmendment(db: Executor, encounter: EncounterTable, table: EntryTable, input: AmendmentInput): Promise<{ amends_id: string | null; amend_reason: string | null }> {
  const reason = input.reason?.trim();
  if (!input.amendsId) {
    if (encounter.status === 'completed') {
      throw new AppError('conflict', 'The encounter is completed and cannot be changed; record a correction as an amendment: send amendsId (the record it corrects) and reason.', { currentStatus: encounter.status });
    }
    if (reason) throw unprocessable('body.reason', 'goes with amendsId: name the record this corrects');
    return { amends_id: null, amend_reason: null };
  }
  if (!reason) throw unprocessable('body.reason', 'say why the record is corrected');
  if (!(await entryExists(db, table, encounter.id, input.amendsId))) throw unprocessable('body.amendsId', 'is not a record of this kind in this encounter');
  return { amends_id: input.amendsId, amend_reason: reason };
}

export function unprocessable(field: string, message: string): AppError {
  return new AppError('unprocessable', `${field}: ${message}`, { errors: [{ field, message }] });
}
