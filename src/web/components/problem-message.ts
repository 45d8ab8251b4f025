// The sentence a person reads for a failed request: our own translation of the problem's code when
// there is one (errors namespace), else the server's detail (already in the request's language).
import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem.ts';

/**
 * `preferDetail`: the server's own sentence for a refusal (403, 409) when it sent one — where the reason
 * matters more than the kind ("this user also works in other facilities" says more than "not
 * allowed"). The server words it in the request's language, falling back to its code's sentence.
 */
export function problemMessage(t: TFunction, error: unknown, { preferDetail = false } = {}): string {
  if (!isApiError(error)) return t('errors:unexpected');
  if (preferDetail && (error.status === 403 || error.status === 409) && error.problem.detail) return error.problem.detail;
  const retryAfter = Number(error.problem.retryAfterSeconds) || undefined;
  const fallback = error.problem.detail ?? t('errors:unexpected');
  return t(`errors:${error.code}`, { defaultValue: fallback, seconds: retryAfter, requestId: error.problem.requestId ?? '' });
}
