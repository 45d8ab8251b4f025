// A formulary entry: name in the interface's language (the other beside it), strength and form.
import { Group, Text } from '@mantine/core';
import { TwoScriptTitle } from './Icd10Search.tsx';
import type { MedicationItem } from './types.ts';

export function MedicationName({ medication }: { medication: Pick<MedicationItem, 'name' | 'nameAr' | 'strength' | 'form'> }) {
  return (
    <Group gap="xs" align="baseline" wrap="wrap">
      <TwoScriptTitle en={medication.name} ar={medication.nameAr} />
      <Text span size="sm" dir="ltr"><bdi>{medication.strength} · {medication.form}</bdi></Text>
    </Group>
  );
}
