// The sentence a person reads for a failed request: our own translation of the problem's code when
// there is one (errors namespace), else the server's detail (already in the request's language).
import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem.ts';

export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors:unexpected');
  const retryAfter = Number(error.problem.retryAfterSeconds) || undefined;
  const fallback = error.problem.detail ?? t('errors:unexpected');
  return t(`errors:${error.code}`, { defaultValue: fallback, seconds: retryAfter, requestId: error.problem.requestId ?? '' });
}
