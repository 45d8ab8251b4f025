import type { Config } from '../config.ts';
import { migrateUp, migrateDown, migrationStatus } from '../db/migrate.ts';
import { openRuntime, closeRuntime } from './runtime.ts';

export async function runMigrate(config: Config, action: string | undefined): Promise<number> {
  const rt = await openRuntime(config);
  try {
    const where = config.db.client === 'sqlite' ? config.db.sqliteFile : `${config.db.client} database`;
    if (action === 'up' || action === 'down') {
      const lines = action === 'up' ? await migrateUp(rt.db) : await migrateDown(rt.db);
      console.log(lines.length ? lines.join('\n') : `nothing to ${action === 'up' ? 'apply' : 'revert'} (${where})`);
      return 0;
    }
    if (action === 'status') {
      const states = await migrationStatus(rt.db);
      const pending = states.filter((s) => !s.executedAt).length;
      console.log(`${where}: ${states.length - pending} applied, ${pending} pending`);
      for (const s of states) {
        const note = s.executedAt ? `  ${s.executedAt.toISOString()}` : s.interrupted ? '  (interrupted; "nilecare migrate up" resumes it)' : '';
        console.log(`  ${s.executedAt ? 'applied' : 'pending'}  ${s.name}${note}`);
      }
      return 0;
    }
    console.error('usage: nilecare migrate up | down | status');
    return 2;
  } finally {
    await closeRuntime(rt);
  }
}
