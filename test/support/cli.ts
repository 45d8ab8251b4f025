// Runs the real `nilecare` command in a child process with exactly the environment given (plus
// PATH), from an empty working directory so no developer .env is read.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/nilecare');

export interface CliResult { code: number; stdout: string; stderr: string }

export function runCli(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<CliResult> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-cli-'));
  return new Promise((resolve) => {
    execFile(BIN, args, { cwd, timeout: timeoutMs, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', ...env } }, (err, stdout, stderr) => {
      fs.rmSync(cwd, { recursive: true, force: true });
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
