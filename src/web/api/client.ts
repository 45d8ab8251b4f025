// The one API client: openapi-fetch over the types generated from the server's OpenAPI document
// (schema.d.ts — never edited by hand), sending every request through the session.
//
//   const me = await call(api.GET('/api/v1/auth/me'));
//   await call(api.PATCH('/api/v1/facilities/{id}', { params: { path: { id } }, body: { name } }));
//
// `call` returns the response body or throws an ApiError (problem.ts) that screens show with
// <ProblemAlert> and forms map onto their fields with applyServerErrors (components/forms.ts).
import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError } from './problem.ts';
import { Session, browserLock } from './session.ts';

export const session = new Session({ baseUrl: '', lock: browserLock() });

export const api = createClient<paths>({ baseUrl: '', fetch: session.fetch });

let pageStart: Promise<boolean> | undefined;
/**
 * This page's first silent refresh (the cookie, if any, signs a reload back in). main.tsx starts
 * it before the catalogues load, so the two travel together; the session provider then waits for
 * the same answer instead of asking again.
 */
export function refreshOnPageStart(): Promise<boolean> {
  pageStart ??= session.refresh();
  return pageStart;
}

export async function call<D>(request: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, undefined); // offline, DNS, server down
  }
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  return result.data as D;
}
