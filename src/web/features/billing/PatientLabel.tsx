// The patient of an invoice by id (invoices carry only the id): the name in both scripts and the MRN.
import { Skeleton, Text } from '@mantine/core';
import { Bdi } from '../../components/Bdi.tsx';
import { usePatient } from '../reception/queries.ts';
import { PatientName } from '../reception/PatientName.tsx';

export function PatientLabel({ patientId, size = 'md' }: { patientId: string; size?: 'sm' | 'md' | 'lg' }) {
  const patient = usePatient(patientId);
  if (!patient.data) return patient.isError ? <Text span c="dimmed">—</Text> : <Skeleton height={16} width={160} />;
  const p = patient.data.record;
  return (
    <span>
      <PatientName patient={p} size={size} />{' '}
      <Text span size="sm" c="dimmed"><Bdi ltr>{p.mrn}</Bdi></Text>
    </span>
  );
}
