// A patient's name: in the interface's script when the record has it, the other script beside it.
// Each part carries its own `lang` and `dir`, so an Arabic name inside the English interface (and
// the reverse) is laid out and read aloud in its own language.
import { Text, Title, type TitleOrder } from '@mantine/core';
import type { NameFields } from './names.ts';
import { usePatientText } from './usePatientText.ts';
import './reception.css';

export function PatientName({ patient, order, size = 'md' }: { patient: NameFields; order?: TitleOrder; size?: 'sm' | 'md' | 'lg' }) {
  const { name } = usePatientText();
  const { primary, secondary } = name(patient);
  const main = order
    ? <Title order={order} lang={primary.lang} dir={primary.dir} className="nc-patient-name">{primary.text}</Title>
    : <Text component="span" fw={600} size={size} lang={primary.lang} dir={primary.dir}>{primary.text}</Text>;
  return (
    <span className="nc-name-pair">
      {main}
      {secondary && <Text component="span" size={size === 'lg' ? 'md' : 'sm'} c="dimmed" lang={secondary.lang} dir={secondary.dir}>{secondary.text}</Text>}
    </span>
  );
}
