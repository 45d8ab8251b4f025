// An amount typed in major units ("1250.50", Arabic-Indic digits too) and kept as text: the form
// converts it to minor units with parseAmount, exactly. The currency is shown beside it.
import { TextInput, type TextInputProps } from '@mantine/core';

export function AmountInput({ currency, ...props }: TextInputProps & { currency: string }) {
  return (
    <TextInput inputMode="decimal" autoComplete="off" rightSection={<span aria-hidden>{currency}</span>} rightSectionWidth={52}
      styles={{ input: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' } }} {...props} />
  );
}
