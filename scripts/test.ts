// `npm test`: every *.test.ts under src/ and test/, on SQLite always and on PostgreSQL, MySQL and
// Redis when TEST_POSTGRES_URL, TEST_MYSQL_URL and TEST_REDIS_URL are set. Says what it skipped.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const filters = process.argv.slice(2);
const files = globSync(['src/**/*.test.ts', 'test/**/*.test.ts'], { exclude: (f) => f.includes('node_modules') })
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const backends = [
  ['PostgreSQL', 'TEST_POSTGRES_URL'],
  ['MySQL/MariaDB', 'TEST_MYSQL_URL'],
  ['Redis', 'TEST_REDIS_URL'],
] as const;
const on = ['SQLite', ...backends.filter(([, v]) => process.env[v]).map(([n]) => n)];
const off = backends.filter(([, v]) => !process.env[v]);
console.log(`Testing ${files.length} files on: ${on.join(', ')}`);
for (const [name, variable] of off) console.log(`Skipping ${name}: set ${variable} to include it (see README "Tests").`);

const result = spawnSync(process.execPath, [
  '--test', '--test-reporter=spec', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 4}`, '--test-timeout=180000', ...files,
], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
process.exit(result.status ?? 1);
