// The browser's half of a session. The access token lives in this object only (never in storage);
// the refresh token is an HttpOnly cookie the page cannot read (docs/decisions/0012). Every API
// request goes through `fetch` below: it adds the token, the facility and the language, and on a
// 401 for an expired token refreshes once — one refresh shared by every request waiting on it —
// and retries. When the refresh fails too, the session has ended and listeners are told.

export const WEB_CLIENT_HEADERS = { 'x-nilecare-client': 'web' } as const;

type Fetch = (request: Request) => Promise<Response>;
/** Runs `fn` while holding a lock shared by every tab, so two tabs never spend the same refresh cookie. */
type CrossTabLock = <T>(fn: () => Promise<T>) => Promise<T>;

export interface SessionOptions {
  /** Origin-relative in the browser (''), absolute in tests. */
  baseUrl: string;
  fetch?: Fetch;
  lock?: CrossTabLock;
}

const EXPIRED_CODES = new Set(['token_invalid', 'unauthorized']);
// Endpoints whose 401 means "wrong credentials", not "token expired".
const NO_RETRY = /\/auth\/(login|mfa\/verify|refresh)$/;

export class Session {
  readonly #baseUrl: string;
  readonly #fetch: Fetch;
  readonly #lock: CrossTabLock;
  #token: string | null = null;
  #refreshing: Promise<boolean> | null = null;
  readonly #onExpired = new Set<() => void>();
  /** Sent as X-Facility-Id; null lets the server pick a user's only facility. */
  facilityId: string | null = null;
  /** Sent as Accept-Language. */
  language = 'en';

  constructor(options: SessionOptions) {
    this.#baseUrl = options.baseUrl;
    this.#fetch = options.fetch ?? ((request) => globalThis.fetch(request));
    this.#lock = options.lock ?? ((fn) => fn());
  }

  get signedIn(): boolean {
    return this.#token !== null;
  }

  /** After sign-in, the MFA step or a password change: the token from the response body. */
  start(accessToken: string): void {
    this.#token = accessToken;
  }

  /** Forgets the token (sign-out); the server clears the cookie. */
  end(): void {
    this.#token = null;
  }

  /** Called when a refresh fails while signed in: the session ended elsewhere or expired. */
  onExpired(listener: () => void): () => void {
    this.#onExpired.add(listener);
    return () => this.#onExpired.delete(listener);
  }

  /** Trades the refresh cookie for a new access token. Concurrent callers share one request. */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#lock(() => this.#refreshNow()).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const retry = request.clone();
    const sentWith = this.#token;
    const response = await this.#fetch(this.#decorate(request, sentWith));
    if (response.status !== 401 || sentWith === null || NO_RETRY.test(new URL(request.url, 'http://x').pathname)) return response;
    if (!EXPIRED_CODES.has(await codeOf(response.clone()))) return response;
    // Another request may have refreshed meanwhile: then retry with its token.
    const fresh = this.#token !== sentWith && this.#token !== null ? true : await this.refresh();
    if (!fresh) {
      this.#expire();
      return response;
    }
    return this.#fetch(this.#decorate(retry, this.#token));
  };

  #decorate(request: Request, token: string | null): Request {
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(WEB_CLIENT_HEADERS)) headers.set(name, value);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (this.facilityId) headers.set('x-facility-id', this.facilityId);
    headers.set('accept-language', this.language);
    return new Request(request, { headers });
  }

  /** false: the server refused (no cookie, expired, revoked). A network failure rejects instead. */
  async #refreshNow(): Promise<boolean> {
    const response = await this.#fetch(new Request(`${this.#baseUrl}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...WEB_CLIENT_HEADERS },
      body: '{}',
      credentials: 'same-origin',
    }));
    const body = response.ok ? await response.json() as { accessToken?: string } : {};
    this.#token = body.accessToken ?? null;
    return this.#token !== null;
  }

  #expire(): void {
    this.#token = null;
    for (const listener of this.#onExpired) listener();
  }
}

async function codeOf(response: Response): Promise<string> {
  try {
    const body = await response.json() as { code?: unknown };
    return typeof body.code === 'string' ? body.code : '';
  } catch {
    return '';
  }
}

/** The Web Locks API where the browser has it: one refresh at a time across every tab. */
export function browserLock(): CrossTabLock {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? async (fn) => await locks.request('nilecare-refresh', fn) : (fn) => fn();
}
