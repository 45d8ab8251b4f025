// The line under a patient's name in lists: MRN, sex, age and birth, phone, national ID (masked in
// lists by the API). Each fact has a label for screen readers; identifiers keep left-to-right order.
import type { ReactNode } from 'react';
import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import type { PatientSummary } from '../../api/types.ts';
import { formatPhone } from './display.ts';
import { usePatientText } from './usePatientText.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <span><VisuallyHidden>{label} </VisuallyHidden>{children}</span>;
}

export function PatientFacts({ patient }: { patient: PatientSummary }) {
  const { t } = useTranslation('reception');
  const text = usePatientText();
  const age = text.age(patient);
  return (
    <span className="nc-facts">
      <Fact label={t('reception:fields.mrn')}><Bdi ltr>{patient.mrn}</Bdi></Fact>
      <Fact label={t('reception:fields.sex')}>{text.sex(patient.sex)}</Fact>
      <Fact label={t('reception:fields.birth')}>{age ? t('reception:facts.ageAndBirth', { age, birth: text.birth(patient) }) : text.birth(patient)}</Fact>
      {patient.phone && <Fact label={t('reception:fields.phone')}><Bdi ltr>{formatPhone(patient.phone)}</Bdi></Fact>}
      {patient.nationalId && <Fact label={t('reception:fields.nationalId')}><Bdi ltr>{patient.nationalId}</Bdi></Fact>}
      {patient.status !== 'active' && <Fact label={t('reception:fields.status')}>{text.status(patient.status)}</Fact>}
    </span>
  );
}
