// The real `nilecare` command in a child process, for tests of what only a process shows: start-up
// without a dependency, signals, being killed midway. Each child gets a clean environment (PATH and
// what the test passes) and an empty working directory, so no developer's .env is read.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_SECRETS } from './app.ts';
import { until } from './wait.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/nilecare');

export interface LogLine { level: number; msg: string; [field: string]: unknown }

export interface Nilecare {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  logs(): LogLine[];
  /** Resolves with the first log line matching, or rejects once the process has exited without one. */
  waitForLog(pattern: RegExp): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();
const dirs: string[] = [];

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-proc-'));
  dirs.push(dir);
  return dir;
}

export function nilecare(args: string[], env: Record<string, string>): Nilecare {
  const child = spawn(BIN, args, {
    cwd: tempDir(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', LOG_LEVEL: 'info', ...TEST_SECRETS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => { out += s; });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => { err += s; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => { running.delete(child); resolve({ code, signal }); });
  });
  const logs = () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogLine);
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child, exited, logs,
    stdout: () => out,
    stderr: () => err,
    async waitForLog(pattern) {
      await until(`a log line matching ${pattern}`, () => gone() || logs().some((l) => pattern.test(l.msg)), 60_000);
      const hit = logs().find((l) => pattern.test(l.msg));
      if (!hit) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before logging ${pattern}; stdout:\n${out}\nstderr:\n${err}`);
      return hit;
    },
  };
}

/** Runs a command to its end (killing it if it hangs, which fails the caller's assertions). */
export async function nilecareRun(args: string[], env: Record<string, string>, deadlineMs = 60_000) {
  const p = nilecare(args, env);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), deadlineMs);
  const { code, signal } = await p.exited;
  clearTimeout(timer);
  return { code, signal, stdout: p.stdout(), stderr: p.stderr() };
}

/** The base URL once the server listens. */
export async function listening(p: Nilecare): Promise<string> {
  const line = await p.waitForLog(/^Server listening at /);
  const url = /(http:\/\/\S+)/.exec(line.msg)?.[1];
  if (!url) throw new Error(line.msg);
  return url;
}

/** Kills what is still running and removes the temporary directories; call from after(). */
export function cleanUpProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
