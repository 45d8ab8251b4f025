// Starts a server script in its own process (so the load generator never shares its event loop)
// and resolves once it logs the address it listens on.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningServer { url: string; pid: number; stop(): Promise<void> }

export function startServer(script: string, args: string[], env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(output);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({ url: m[1]!, pid: child.pid!, stop: () => stop(child) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code} before listening:\n${output.slice(-2000)}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
