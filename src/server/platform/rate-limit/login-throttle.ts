// Sign-in throttling: after ACCOUNT_MAX failures for one account within the window, every attempt
// for it is refused with 429 + Retry-After — even with the right password — until the window
// passes. A per-IP limit stops one address from stuffing credentials across many accounts.
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

  /** Throws 429 when this account or this address is locked out. Call before checking the password. */
  async check(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.#store.peek(this.#accountKey(email)), this.#store.peek(this.#ipKey(ip))]);
    const locked = [account.count >= this.#o.accountMax ? account.resetMs : 0, address.count >= this.#o.ipMax ? address.resetMs : 0];
    const waitMs = Math.max(...locked);
    if (waitMs > 0) {
      const retryAfter = String(Math.ceil(waitMs / 1000));
      throw new AppError('too_many_requests', `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.`, { retryAfterSeconds: Number(retryAfter) }, { 'retry-after': retryAfter });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.#store.hit(this.#accountKey(email), this.#o.windowMs), this.#store.hit(this.#ipKey(ip), this.#o.windowMs)]);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  async recordSuccess(email: string): Promise<void> {
    await this.#store.reset(this.#accountKey(email));
  }
}
