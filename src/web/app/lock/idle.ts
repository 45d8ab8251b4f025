// When to lock: after the facility's delay with no keyboard, pointer or touch activity in any tab
// of the app. Tabs share the last activity time through storage, so working in one tab keeps the
// others open, and a lock in one tab locks them all (the lock names the user, nothing else).
export interface KeyValueStore { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void }

export const ACTIVITY_KEY = 'nilecare.activity';
export const LOCK_KEY = 'nilecare.locked';
/** Activity is written at most this often: enough precision for a delay measured in minutes. */
const WRITE_EVERY_MS = 5_000;

export class IdleClock {
  readonly #store: KeyValueStore;
  readonly #now: () => number;
  #last: number;
  #written = 0;

  constructor(store: KeyValueStore, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
    this.#last = now();
  }

  markActive(): void {
    this.#last = this.#now();
    if (this.#last - this.#written >= WRITE_EVERY_MS) {
      this.#written = this.#last;
      this.#store.setItem(ACTIVITY_KEY, String(this.#last));
    }
  }

  /** Milliseconds since the latest activity in this tab or any other. */
  idleMs(): number {
    const shared = Number(this.#store.getItem(ACTIVITY_KEY)) || 0;
    return this.#now() - Math.max(this.#last, shared);
  }

  shouldLock(delayMinutes: number): boolean {
    return this.idleMs() >= delayMinutes * 60_000;
  }
}

export function lockedUser(store: KeyValueStore): string | null {
  return store.getItem(LOCK_KEY);
}

export function markLocked(store: KeyValueStore, userId: string | null): void {
  if (userId) store.setItem(LOCK_KEY, userId);
  else store.removeItem(LOCK_KEY);
}
