// Amounts formatted with the user's language and digits (the same preferences as every number).
import { useCallback } from 'react';
import { useFormat } from '../../i18n/useFormat.ts';
import { formatMoney } from './money.ts';

export function useMoney() {
  const { settings } = useFormat();
  return useCallback((minor: number, currency: string) => formatMoney(minor, currency, settings), [settings]);
}
