// Shared clinic computers: after the facility's delay without activity the screen locks. The app
// stays mounted underneath (a half-typed form survives) but is hidden and inert, API polling pauses,
// and only the signed-in user's password (POST /auth/unlock) or signing out leaves the lock.
// The lock is remembered in storage, so a reload or a new tab does not get around it.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { onlineManager } from '@tanstack/react-query';
import { useSession } from '../session/SessionProvider.tsx';
import { IdleClock, LOCK_KEY, lockedUser, markLocked } from './idle.ts';
import { LockScreen } from './LockScreen.tsx';

const DEFAULT_DELAY_MINUTES = 10;
const CHECK_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export function LockProvider({ children }: { children: ReactNode }) {
  const { me, facility } = useSession();
  const userId = me?.id ?? null;
  const delay = facility?.lockAfterMinutes ?? DEFAULT_DELAY_MINUTES;
  const [locked, setLocked] = useState(() => userId !== null && lockedUser(localStorage) === userId);
  const clock = useRef<IdleClock | null>(null);

  const lock = useCallback(() => {
    markLocked(localStorage, userId);
    setLocked(true);
  }, [userId]);

  const unlocked = useCallback(() => {
    markLocked(localStorage, null);
    clock.current?.markActive();
    setLocked(false);
  }, []);

  useEffect(() => {
    if (!userId) return;
    const idle = (clock.current ??= new IdleClock(localStorage));
    idle.markActive();
    const onActivity = () => idle.markActive();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (idle.shouldLock(delay)) lock();
    }, CHECK_EVERY_MS);
    // Another tab locked or unlocked.
    const onStorage = (e: StorageEvent) => {
      if (e.key === LOCK_KEY) setLocked(e.newValue === userId);
    };
    window.addEventListener('storage', onStorage);
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
      window.clearInterval(timer);
      window.removeEventListener('storage', onStorage);
    };
  }, [userId, delay, lock]);

  // No background requests behind a locked screen; they resume on unlock.
  useEffect(() => {
    onlineManager.setOnline(!locked);
    return () => onlineManager.setOnline(true);
  }, [locked]);

  return (
    <>
      {/* Hidden, not unmounted: typed text and scroll position wait underneath. */}
      <div inert={locked} aria-hidden={locked || undefined} style={locked ? { visibility: 'hidden' } : undefined}>{children}</div>
      {locked && me && <LockScreen name={me.name} email={me.email} onUnlocked={unlocked} />}
    </>
  );
}
