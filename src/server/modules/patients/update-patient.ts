// Editing a patient with optimistic concurrency: the caller sends the version they saw (If-Match);
// if someone changed the record since, they get 409 and the current version instead of silently
// overwriting the other change.
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { PatientTable } from './patients.table.ts';
import type { PatientInput } from './patients.schemas.ts';
import { normalisePatientInput, NAME_FIELDS } from './patient-input.ts';
import { applyInput } from './patient-record.ts';
import { lockPatients, replaceNameKeys, updatePatient as writePatient } from './patients.repository.ts';
import { patientNameKeys } from './name-keys.ts';
import type { Caller, PatientDeps } from './patient-deps.ts';

/** The version named by an If-Match header: "3", W/"3" or 3. */
export function versionFromIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new AppError('precondition_required', 'Send If-Match with the version you are editing (the ETag of GET /patients/:id).');
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new AppError('validation_failed', 'If-Match must be the record version, e.g. "3".', { errors: [{ field: 'headers.if-match', message: 'must be a version such as "3"' }] });
  return Number(match[1]);
}

export async function updatePatient({ ctx, cache }: PatientDeps, caller: Caller, id: string, ifMatch: string | undefined, body: PatientInput): Promise<PatientTable> {
  const input = normalisePatientInput(body, 'patch');
  const { row, changed } = await ctx.db.kysely.transaction().execute(async (trx) => {
    const current = (await lockPatients(trx, ctx.db.client, caller.facilityId, [id])).get(id);
    // Not found comes first: whether a record exists is answered the same with or without If-Match.
    if (!current) throw notFound('Patient');
    const expected = versionFromIfMatch(ifMatch);
    if (Number(current.version) !== expected) {
      throw new AppError('version_conflict', `The patient was changed by someone else (now version ${current.version}); reload and apply your edit again.`, { currentVersion: Number(current.version) });
    }
    if (current.status === 'merged') {
      throw new AppError('invalid_transition', 'This record was merged into another patient; edit that patient instead.', { mergedIntoId: current.merged_into_id });
    }
    const next = applyInput(ctx, current, input);
    const fields = (Object.keys(next) as (keyof PatientTable)[]).filter((k) => next[k] !== current[k]);
    // A patch that changes nothing keeps the version, so it cannot make other editors' copies stale.
    const stored = fields.length === 0 ? current : { ...next, version: expected + 1, updated_at: nowIso() };
    if (fields.length > 0) {
      const changes: Partial<PatientTable> = Object.fromEntries(fields.map((k) => [k, next[k]]));
      await writePatient(trx, current, expected, { ...changes, version: stored.version, updated_at: stored.updated_at });
      if (NAME_FIELDS.some(([, column]) => fields.includes(column))) {
        await replaceNameKeys(trx, caller.facilityId, id, patientNameKeys(stored));
      }
    }
    await ctx.audit.record({
      ...caller.audit, action: 'patient.update', patientId: id, targetType: 'patient', targetId: id,
      // Field names only: the values are PHI and the record itself keeps them.
      details: { version: Number(stored.version), fields: fields.map(String) },
    }, trx);
    return { row: stored, changed: fields.length > 0 };
  });
  if (changed) await cache.invalidate(caller.facilityId, id, Number(row.version));
  return row;
}
