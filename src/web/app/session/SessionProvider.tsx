// The signed-in user for every screen: starting up (a silent refresh from the cookie), signed out,
// or signed in with their /auth/me and the facility they act in. Server state stays in TanStack
// Query (['me']); this provider adds only what is not server state.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, refreshOnPageStart, session } from '../../api/client.ts';
import type { Me, Membership } from '../../api/types.ts';
import { markLocked } from '../lock/idle.ts';
import { chosenFacility, readStoredFacility, storeFacility } from './facility.ts';

export type SessionStatus = 'starting' | 'signed-out' | 'signed-in';

export interface SessionValue {
  status: SessionStatus;
  /** Why the last session ended: 'expired' sends the next sign-in back to the page the user was on. */
  ended: 'signed-out' | 'expired' | null;
  me: Me | undefined;
  meError: unknown;
  /** The membership of the facility the user acts in; null until chosen (several facilities). */
  facility: Membership | null;
  chooseFacility(facilityId: string): void;
  /** After sign-in, the MFA step or a password change: the access token from the response. */
  begin(accessToken: string): Promise<void>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
}

export const ME_QUERY = ['me'] as const;
const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>(session.signedIn ? 'signed-in' : 'starting');
  const [picked, setPicked] = useState<string | null>(null);
  const [ended, setEnded] = useState<SessionValue['ended']>(null);

  useEffect(() => {
    if (status !== 'starting') return;
    let live = true;
    // A reload or a new tab: the refresh cookie, if any, signs the user back in.
    refreshOnPageStart().then((ok) => live && setStatus(ok ? 'signed-in' : 'signed-out'), () => live && setStatus('signed-out'));
    return () => {
      live = false;
    };
  }, [status]);

  useEffect(() => session.onExpired(() => {
    queryClient.clear();
    setEnded('expired');
    setStatus('signed-out');
  }), [queryClient]);

  const meQuery = useQuery({ queryKey: ME_QUERY, queryFn: () => call(api.GET('/api/v1/auth/me')), enabled: status === 'signed-in', staleTime: 60_000 });
  const me = status === 'signed-in' ? meQuery.data : undefined;

  const facilityId = me ? (picked && me.memberships.some((m) => m.facilityId === picked) ? picked : chosenFacility(me, readStoredFacility())) : null;
  // A layout effect: it runs before any child's passive effects, where queries start fetching.
  useLayoutEffect(() => {
    session.facilityId = facilityId;
  }, [facilityId]);
  const facility = me?.memberships.find((m) => m.facilityId === facilityId) ?? null;

  const chooseFacility = useCallback((id: string) => {
    if (!me) return;
    storeFacility(me.id, id);
    setPicked(id);
    // Another facility's records must not linger on screen.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY[0] });
  }, [me, queryClient]);

  const begin = useCallback(async (accessToken: string) => {
    session.start(accessToken);
    markLocked(localStorage, null); // the password was just typed
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY[0] });
    // Refetched in place (not removed), so the observer above sees the new answer.
    await queryClient.fetchQuery({ queryKey: ME_QUERY, queryFn: () => call(api.GET('/api/v1/auth/me')), staleTime: 0 });
    setStatus('signed-in');
  }, [queryClient]);

  const finish = useCallback(() => {
    session.end();
    markLocked(localStorage, null);
    queryClient.clear();
    setPicked(null);
    setEnded('signed-out');
    setStatus('signed-out');
  }, [queryClient]);

  const signOut = useCallback(async () => {
    await call(api.POST('/api/v1/auth/logout')).catch(() => undefined); // signed out here whatever the server says
    finish();
  }, [finish]);

  const signOutEverywhere = useCallback(async () => {
    await call(api.POST('/api/v1/auth/logout-all'));
    finish();
  }, [finish]);

  const value = useMemo<SessionValue>(() => ({
    status, ended, me, meError: status === 'signed-in' ? meQuery.error : null, facility, chooseFacility, begin, signOut, signOutEverywhere,
  }), [status, ended, me, meQuery.error, facility, chooseFacility, begin, signOut, signOutEverywhere]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** For screens behind RequireSession: the user and their active facility, both present. */
export function useSignedIn(): SessionValue & { me: Me; facility: Membership } {
  const value = useSession();
  if (!value.me || !value.facility) throw new Error('useSignedIn() outside a signed-in screen');
  return value as SessionValue & { me: Me; facility: Membership };
}
