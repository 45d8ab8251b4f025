// Language and digits: the signed-in user's saved choice (GET /auth/me), else this computer's last
// choice, else the browser's language. Changing either while signed in saves it for the user, so it
// follows them to any computer of the clinic.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { DirectionProvider, useDirection } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, session } from '../../api/client.ts';
import { changeLanguage, currentDigits, setDigits as storeDigits } from '../../i18n/index.ts';
import { directionOf, isLanguage, type Digits, type Language } from '../../i18n/format.ts';
import { ME_QUERY, useSession } from '../session/SessionProvider.tsx';

interface PreferencesValue {
  language: Language;
  digits: Digits;
  setLanguage(language: Language): Promise<void>;
  setDigits(digits: Digits): Promise<void>;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  useLayoutEffect(() => {
    session.language = language;
  }, [language]);
  return (
    <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
      <PreferencesState language={language}>{children}</PreferencesState>
    </DirectionProvider>
  );
}

function PreferencesState({ language, children }: { language: Language; children: ReactNode }) {
  const { me, status } = useSession();
  const queryClient = useQueryClient();
  const { setDirection } = useDirection();
  const [localDigits, setLocalDigits] = useState<Digits>(currentDigits());
  // Signed in, the user's saved choice; before that, this computer's.
  const digits = me?.digits ?? localDigits;

  useEffect(() => setDirection(directionOf(language)), [language, setDirection]);
  useLayoutEffect(() => storeDigits(digits), [digits]);

  // A user's saved language wins over this computer's once they sign in.
  const savedLanguage = me?.preferredLanguage;
  useEffect(() => {
    if (savedLanguage && savedLanguage !== i18next.language) void changeLanguage(savedLanguage);
  }, [savedLanguage]);

  // Saving is best effort: the choice applies on this computer at once either way, and an ended
  // session is handled by the session (back to sign-in), not here.
  const save = useCallback(async (body: { preferredLanguage?: Language; digits?: Digits }) => {
    if (status !== 'signed-in') return;
    try {
      queryClient.setQueryData(ME_QUERY, await call(api.PATCH('/api/v1/auth/me', { body })));
    } catch (error) {
      console.warn('could not save the preference', error);
    }
  }, [status, queryClient]);

  const setLanguage = useCallback(async (next: Language) => {
    await changeLanguage(next);
    await save({ preferredLanguage: next });
  }, [save]);

  const setDigits = useCallback(async (next: Digits) => {
    setLocalDigits(next);
    await save({ digits: next });
  }, [save]);

  const value = useMemo(() => ({ language, digits, setLanguage, setDigits }), [language, digits, setLanguage, setDigits]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences() outside <PreferencesProvider>');
  return value;
}
