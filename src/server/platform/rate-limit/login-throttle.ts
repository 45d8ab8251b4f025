// Sign-in throttling: at most ACCOUNT_MAX secrets are checked for one account within the window;
// after that every attempt for it is refused with 429 + Retry-After — even with the right password
// — until the window passes. A per-IP limit stops one address from stuffing credentials across many
// accounts.
//
// An attempt is taken (counted) before the secret is checked, in one atomic increment, and given
// back when it turns out not to be a wrong guess. Reading the count first and counting the failure
// after let 20 parallel guesses all be checked, since each read the count before any had failed.
import { AppError } from '../errors.ts';
import { sha256Hex } from '../crypto.ts';
import type { RateLimitStore } from './store.ts';
import { addressKey } from './client-address.ts';

export interface LoginThrottleOptions { windowMs: number; accountMax: number; ipMax: number }

export const LOGIN_LIMITS: LoginThrottleOptions = { windowMs: 15 * 60_000, accountMax: 5, ipMax: 50 };

export class LoginThrottle {
  readonly #store: RateLimitStore;
  readonly #o: LoginThrottleOptions;
  constructor(store: RateLimitStore, options: LoginThrottleOptions = LOGIN_LIMITS) {
    this.#store = store;
    this.#o = options;
  }

  // Emails are hashed in keys so a Redis dump does not list who tried to sign in.
  #accountKey = (email: string) => `login:acct:${sha256Hex(email.trim().toLowerCase())}`;
  #ipKey = (ip: string) => `login:ip:${addressKey(ip)}`;

  /**
   * Takes one attempt for this account and address; call before checking the secret. Throws 429
   * (taking nothing) when either budget is spent. The attempt stays counted as a failure unless
   * succeeded() or giveBack() is called.
   */
  async take(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.#store.hit(this.#accountKey(email), this.#o.windowMs),
      this.#store.hit(this.#ipKey(ip), this.#o.windowMs),
    ]);
    const waitMs = Math.max(account.count > this.#o.accountMax ? account.resetMs : 0, address.count > this.#o.ipMax ? address.resetMs : 0);
    if (waitMs <= 0) return;
    await this.giveBack(email, ip);
    const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
    throw new AppError('too_many_requests', `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.`, { retryAfterSeconds: Number(retryAfter) }, { 'retry-after': retryAfter });
  }

  /** The attempt was not a wrong guess (the password was right and a second factor follows, or the check could not run). */
  async giveBack(email: string, ip: string): Promise<void> {
    await Promise.all([this.#store.refund(this.#accountKey(email)), this.#store.refund(this.#ipKey(ip))]);
  }

  /** Signed in: the account's failures are cleared and the address gets its attempt back. */
  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([this.#store.reset(this.#accountKey(email)), this.#store.refund(this.#ipKey(ip))]);
  }
}
