// Waiting for something another process (or a background task) does, without asserting how long
// it takes: a generous deadline only turns a hang into a failure that says what never happened.
import { setTimeout as sleep } from 'node:timers/promises';

export async function until(what: string, ok: () => boolean | Promise<boolean>, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what} after ${deadlineMs} ms`);
    await sleep(20);
  }
}
