// Whose sample it is: a lab order carries only the patient's id, so the record is read (cached) to
// show the name in the interface's script and the MRN the tube is labelled with.
import { Group, Skeleton, Text } from '@mantine/core';
import { Bdi } from '../../components/Bdi.tsx';
import { PatientName } from '../reception/PatientName.tsx';
import { usePatient } from '../reception/queries.ts';

export function OrderPatient({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  if (!patient.data) return <Skeleton height={20} width={220} />;
  return (
    <Group gap="sm">
      <PatientName patient={patient.data.record} />
      <Text size="sm" c="dimmed"><Bdi ltr>{patient.data.record.mrn}</Bdi></Text>
    </Group>
  );
}
