// An amount in minor units shown in the user's digits with two decimals and its currency.
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { t } = useTranslation('pricing');
  const format = useFormat();
  const amount = format.number(minor / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // The amount, then the currency, in both languages (the bdi keeps them in that order in Arabic).
  return <Bdi>{`${amount} ${t(`pricing:currency.${currency}`, { defaultValue: currency })}`}</Bdi>;
}
