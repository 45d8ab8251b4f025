// Running the databases' own dump and restore programs: a minimal environment (no NileCare
// secrets), passwords only through the environment or an option file (never argv, which any
// local user can read in `ps`), a deadline after which the program is killed, and its stderr
// reported with every password taken out.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';

export interface ToolCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Strings that must never appear in what is reported (passwords). */
  secrets: string[];
}

export class ToolError extends Error {}

const STDERR_KEEP = 8192;
const KILL_GRACE_MS = 5000;

/** Takes every secret (and its URL-encoded form) and any URL credentials out of `text`. */
export function redact(text: string, secrets: string[]): string {
  let out = text.replace(/(\w+:\/\/[^:/\s@]*:)[^@\s]*@/g, '$1***@');
  for (const s of secrets) {
    if (!s) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('***');
  }
  return out;
}

/** The first of `names` found on the tools' PATH, or null. */
export function findProgram(names: string[], env: Record<string, string>): string | null {
  const dirs = (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(':').filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return file;
      } catch { /* not here */ }
    }
  }
  return null;
}

/**
 * Runs the tool with `input` piped to its stdin and its stdout piped to `output` (either may be
 * absent). Resolves when the tool exited 0 and both pipes drained; rejects with a ToolError that
 * quotes the tail of its stderr, redacted, when it failed or outlived `timeoutMs`.
 */
export async function runTool(tool: ToolCommand, timeoutMs: number, io: { input?: Readable; output?: Writable } = {}): Promise<string> {
  const child = spawn(tool.command, tool.args, { env: tool.env, stdio: [io.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr = (stderr + s).slice(-STDERR_KEEP); });
  let stdout = '';
  if (!io.output) child.stdout!.setEncoding('utf8').on('data', (s: string) => { stdout = (stdout + s).slice(-STDERR_KEEP); });

  let timedOut = false;
  let killer: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
    killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
  }, timeoutMs);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
    child.once('error', (err) => resolve({ code: null, signal: null, spawnError: err }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const pipes: Promise<void>[] = [];
  if (io.input) pipes.push(pipeline(io.input, child.stdin!));
  if (io.output) pipes.push(pipeline(child.stdout!, io.output));
  // If our side of a pipe fails (say, decryption), the tool must not take the cut-off input as
  // complete and commit half a restore: it is stopped.
  const piped = Promise.all(pipes).then(() => undefined, (err: unknown) => { child.kill('SIGTERM'); return err as Error; });

  const result = await exited;
  const pipeError = await piped;
  clearTimeout(timer);
  clearTimeout(killer);
  const name = path.basename(tool.command);
  const said = () => { const t = redact(stderr.trim(), tool.secrets); return t ? `:\n${t}` : ''; };
  if (result.spawnError) throw new ToolError(`Could not run ${name}: ${redact(result.spawnError.message, tool.secrets)}`);
  if (timedOut) throw new ToolError(`${name} did not finish within ${Math.round(timeoutMs / 1000)} s (BACKUP_TIMEOUT) and was stopped${said()}`);
  if (result.code !== 0) throw new ToolError(`${name} failed (${result.signal ?? `exit ${result.code}`})${said()}`);
  // A clean exit with a broken pipe means our side failed (decryption, disk full): report that.
  if (pipeError) throw pipeError;
  return stdout;
}

/** `--version` output of a program, for the backup header and version checks. */
export async function programVersion(command: string, env: Record<string, string>): Promise<string> {
  return (await runTool({ command, args: ['--version'], env, secrets: [] }, 10_000)).trim();
}
