// `nilecare keys status` and `nilecare keys rotate` (docs/operations.md, "Rotating keys").
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { AuditLog } from '../platform/audit/audit-log.ts';
import { rotateKeys } from '../platform/keys/rotate.ts';
import { keyStatus, remaining } from '../platform/keys/status.ts';
import { encryptedFields } from '../modules/encrypted-fields.ts';
import { openRuntime, closeRuntime, ensureSchema } from './runtime.ts';

const USAGE = `usage: nilecare keys status                     values per key, index entries left to rebuild; exit 1 while any remain
       nilecare keys rotate [--batch-size N] [--pause-ms M]
                                             re-encrypt to the first key of PHI_ENCRYPTION_KEYS and re-index under
                                             PHI_INDEX_KEY; safe to stop and run again`;

export async function runKeys(config: Config, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: {
    'batch-size': { type: 'string', default: '500' }, 'pause-ms': { type: 'string', default: '0' },
  } });
  const batchSize = Number(values['batch-size']);
  const pauseMs = Number(values['pause-ms']);
  const action = positionals[0];
  if ((action !== 'status' && action !== 'rotate') || !Number.isInteger(batchSize) || batchSize < 1 || !Number.isInteger(pauseMs) || pauseMs < 0) {
    console.error(USAGE);
    return 2;
  }
  const rt = await openRuntime(config);
  try {
    await ensureSchema(rt);
    const phi = config.phi;
    console.log(`PHI_ENCRYPTION_KEYS: active ${phi.activeKeyId}; also decrypting: ${Object.keys(phi.keys).filter((k) => k !== phi.activeKeyId).join(', ') || 'none'}. PHI_INDEX_KEY_PREVIOUS ${phi.previousIndexKey ? 'set' : 'not set'}.`);
    if (action === 'rotate') {
      const started = Date.now();
      const reports = await rotateKeys(rt.db, phi, encryptedFields, {
        batchSize, pauseMs,
        onBatch: (r) => console.log(`${r.field}: ${r.scanned} scanned, ${r.reencrypted} re-encrypted, ${r.reindexed} re-indexed`),
      });
      const unreadable = reports.reduce((n, r) => n + r.unreadable, 0);
      const raced = reports.reduce((n, r) => n + r.changedMeanwhile, 0);
      await new AuditLog(rt.db).record({ action: 'keys.rotate', outcome: unreadable ? 'failure' : 'success', details: { activeKeyId: phi.activeKeyId, fields: reports } });
      console.log(`rotation pass done in ${((Date.now() - started) / 1000).toFixed(1)} s${raced ? `; ${raced} value(s) changed by the application meanwhile (run again to check them)` : ''}`);
      if (unreadable) console.error(`${unreadable} value(s) could not be decrypted: their key is missing from PHI_ENCRYPTION_KEYS, or they were altered. See nilecare keys status.`);
    }
    const statuses = await keyStatus(rt.db, phi, encryptedFields);
    for (const s of statuses) {
      const keys = Object.entries(s.byKey).map(([id, n]) => `${id}: ${n}`).join(', ') || 'none';
      console.log(`${s.field}: ${s.total} value(s) — ${keys}${s.staleIndex ? `; ${s.staleIndex} index entr${s.staleIndex === 1 ? 'y' : 'ies'} not under PHI_INDEX_KEY` : ''}${s.unreadable ? `; ${s.unreadable} unreadable` : ''}`);
    }
    const left = remaining(statuses, phi.activeKeyId);
    const unreadable = statuses.reduce((n, s) => n + s.unreadable, 0);
    console.log(left === 0 && unreadable === 0 ? `All values on key ${phi.activeKeyId} and all indexes under PHI_INDEX_KEY.` : `${left} value(s) or index entries still to rotate.`);
    return left === 0 && unreadable === 0 ? 0 : 1;
  } finally {
    await closeRuntime(rt);
  }
}
