// The sign-in metrics the spec's alerts watch: failed sign-ins by reason, and refresh-token reuse
// (a stolen token presented after its owner already rotated it).
import { Counter, type Registry } from 'prom-client';

export type LoginFailureReason = 'bad_credentials' | 'locked' | 'mfa';

export interface AuthMetrics {
  loginFailure(reason: LoginFailureReason): void;
  tokenReuse(): void;
}

export function authMetrics(registry: Registry): AuthMetrics {
  const failures = new Counter({ name: 'auth_login_failures_total', help: 'Failed sign-in attempts', labelNames: ['reason'], registers: [registry] });
  const reuse = new Counter({ name: 'auth_token_reuse_total', help: 'Spent refresh tokens presented again (the token family was revoked)', registers: [registry] });
  // Zero-valued series exist from the start, so rate() and alerts see them before the first failure.
  for (const reason of ['bad_credentials', 'locked', 'mfa'] as const) failures.inc({ reason }, 0);
  return {
    loginFailure: (reason) => failures.inc({ reason }),
    tokenReuse: () => reuse.inc(),
  };
}
