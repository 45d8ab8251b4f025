// How many connections the kernel has completed for a listening port that the process has not
// accepted yet. Node accepts them one event-loop turn at a time, so after a signal the process
// cannot otherwise tell "sent before" from "sent after". Linux shows it in /proc/net/tcp{,6}: for a
// listening socket (state 0A) the rx_queue column is the length of its accept queue.
import fs from 'node:fs';

const LISTEN = '0A';

/** The number, or undefined where the kernel does not tell (not Linux, no /proc). */
export function acceptQueueLength(port: number): number | undefined {
  let total: number | undefined;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    total ??= 0;
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state, queues] = line.trim().split(/\s+/);
      if (state !== LISTEN || parseInt(local?.split(':')[1] ?? '', 16) !== port) continue;
      total += parseInt(queues?.split(':')[1] ?? '0', 16);
    }
  }
  return total;
}
