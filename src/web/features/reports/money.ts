// Money for display: minor units shown in major units with the currency, in the user's digits.
// (Division happens only here, for showing; sums stay integer on the server.)
import type { FormatSettings } from '../../i18n/format.ts';
import { formatNumber } from '../../i18n/format.ts';

export function formatMoney(minor: number, currency: string, s: Pick<FormatSettings, 'language' | 'digits'>): string {
  return formatNumber(minor / 100, s, { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
