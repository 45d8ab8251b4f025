// Tests that drive a Debian tool (promtool, docker-compose): skipped with a message on a machine
// without it, but required under CI (CI=true), where .ci/run installs them.
import { spawnSync } from 'node:child_process';

export function toolSkip(command: string, debianPackage: string): string | false {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status === 0) return false;
  if (process.env.CI) return false; // the test runs and fails: CI must have it
  return `${command} is not installed (apt-get install ${debianPackage}); .ci/run installs it`;
}

export function run(command: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number | null; output: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', ...opts });
  if (r.error) return { status: null, output: `${command}: ${r.error.message}` };
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
