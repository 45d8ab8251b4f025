#!/usr/bin/env node
// The nilecare command: one entry point for every role and maintenance task.
import { loadConfig, ConfigError, type Config } from './config.ts';
import { runProcess } from './cli/serve.ts';
import { runMigrate } from './cli/migrate.ts';
import { runSeed } from './cli/seed.ts';
import { runAudit } from './cli/audit.ts';
import { runUser } from './cli/user.ts';
import { runBackup, runRestore } from './cli/backup.ts';
import { runKeys } from './cli/keys.ts';
import { runTerminology } from './cli/terminology.ts';
import { runReports } from './cli/reports.ts';

const USAGE = `usage: nilecare <command>

  start              API and background worker in one process (the one-machine default)
  serve              API only
  worker             background worker only
  migrate up|down|status
                     apply, revert one, or list database migrations
  audit verify       check the audit log's hash chain; exit 1 if an event was changed or removed
  user reset-password EMAIL
                     print a temporary password for the account (to be changed at sign-in);
                     ends its sessions
  backup [--dir DIR] | backup verify FILE | backup list
                     encrypted, checksummed backup of the database (BACKUP_* settings)
  restore FILE [--force]
                     verify a backup, then load it into the configured empty database
  keys status | keys rotate [--batch-size N] [--pause-ms M]
                     which keys hold the encrypted fields; move them all to the current keys
  terminology import icd10 FILE [--all] [--batch-size N]
                     load a full ICD-10-CM release (NCHS order file, icd10cm_order_YYYY.txt)
                     into the diagnosis catalogue; billable codes only unless --all; run again
                     to finish an interrupted import
  reports rebuild [--facility CODE]
                     recompute the billing daily totals the summary report reads from the raw
                     invoices and payments (drift recovery)
  seed [--patients N] [--appointments M] [--doctors D] [--facility CODE]
                     demo data: doctors, Sudanese patients, appointments around today
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 78; // EX_CONFIG
    }
    throw err;
  }
  switch (command) {
    case 'start': await runProcess(config, { api: true, worker: config.workerInProcess }); return -1;
    case 'serve': await runProcess(config, { api: true, worker: false }); return -1;
    case 'worker': await runProcess(config, { api: false, worker: true }); return -1;
    case 'migrate': return runMigrate(config, rest[0]);
    case 'seed': return runSeed(config, rest);
    case 'audit': return runAudit(config, rest[0]);
    case 'user': return runUser(config, rest);
    case 'backup': return runBackup(config, rest);
    case 'restore': return runRestore(config, rest);
    case 'keys': return runKeys(config, rest);
    case 'terminology': return runTerminology(config, rest);
    case 'reports': return runReports(config, rest);
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exitCode = code; },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
