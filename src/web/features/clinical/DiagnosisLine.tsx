// A recorded diagnosis in one line: code, title in the interface's language (the other beside it),
// primary or secondary, and the note.
import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { TwoScriptTitle } from './Icd10Search.tsx';
import { useIcd10Entry } from './queries.ts';
import type { Diagnosis } from './types.ts';

export function DiagnosisLine({ diagnosis, children }: { diagnosis: Pick<Diagnosis, 'code' | 'title' | 'type' | 'note'>; children?: ReactNode }) {
  const { t } = useTranslation('clinical');
  const entry = useIcd10Entry(diagnosis.code);
  return (
    <Group gap="xs" wrap="wrap" align="baseline">
      <Badge variant="light" radius="sm" className="nc-code"><Bdi ltr>{diagnosis.code}</Bdi></Badge>
      <TwoScriptTitle en={diagnosis.title} ar={entry.data?.titleAr ?? null} />
      <Badge variant={diagnosis.type === 'primary' ? 'filled' : 'outline'} color="blue.8" size="sm">{t(`clinical:diagnoses.type.${diagnosis.type === 'primary' ? 'primary' : 'secondary'}`)}</Badge>
      {diagnosis.note && <Text size="sm" c="dimmed" component="span"><bdi>{diagnosis.note}</bdi></Text>}
      {children}
    </Group>
  );
}
