// Recording vital signs: number fields in the order a nurse measures, checked while typing with the
// server's own limits (vitals.ts); the server's refusals land on their fields. Also used for a
// correction (amendment): then the recording it corrects and a reason are sent with it.
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { focusFirstError } from '../reception/usePatientForm.ts';
import { useRecordVitals } from './queries.ts';
import type { Vitals } from './types.ts';
import { DECIMALS, EMPTY_VITALS, VITAL_FIELDS, showsMuac, vitalsBody, vitalsProblems, type VitalField, type VitalsProblem, type VitalsValues } from './vitals.ts';

interface Props {
  encounterId: string;
  ageMonths: number | null;
  /** A correction of this recording (its values filled in). */
  amends?: Vitals;
  onDone?(recorded: Vitals): void;
  onCancel?(): void;
  autoFocus?: boolean;
}

type Values = VitalsValues & { reason: string };

export function VitalsForm({ encounterId, ageMonths, amends, onDone, onCancel, autoFocus }: Props) {
  const { t } = useTranslation('clinical');
  const record = useRecordVitals(encounterId);
  const [formError, setFormError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const fields = VITAL_FIELDS.filter((f) => f !== 'muacMm' || showsMuac(ageMonths) || amends?.muacMm != null);
  const word = (field: VitalField, p: VitalsProblem) => p.code === 'impossible'
    ? t('clinical:vitals.impossible', { min: p.min, max: p.max, unit: t(`clinical:vitals.unit.${field}`) })
    : t(`clinical:vitals.problem.${p.code}`);
  const messages = (values: VitalsValues, complete: boolean) => {
    const found = vitalsProblems(values, { complete });
    return Object.fromEntries(VITAL_FIELDS.filter((f) => found[f]).map((f) => [f, word(f, found[f]!)]));
  };

  const form = useForm<Values>({
    initialValues: { ...EMPTY_VITALS, ...(amends ? Object.fromEntries(VITAL_FIELDS.map((f) => [f, amends[f] ?? ''])) : {}), reason: '' },
    validateInputOnBlur: true,
    validate: (values) => ({
      ...messages(values, true),
      ...(amends && !values.reason.trim() ? { reason: t('clinical:amend.reasonRequired') } : {}),
    }),
    onValuesChange: (values) => {
      const typing = messages(values, false);
      for (const f of VITAL_FIELDS) {
        if (typing[f]) form.setFieldError(f, typing[f]);
        else if (form.errors[f] && !messages(values, true)[f]) form.clearFieldError(f);
      }
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setEmpty(Boolean(vitalsProblems(values, { complete: true }).form));
    if (vitalsProblems(values, { complete: true }).form) return;
    try {
      const recorded = await record.mutateAsync({ ...vitalsBody(values), ...(amends ? { amendsId: amends.id, reason: values.reason.trim() } : {}) });
      form.setValues({ ...EMPTY_VITALS, reason: '' });
      onDone?.(recorded);
    } catch (error) {
      setFormError(applyServerErrors(form, error));
      focusFirstError();
    }
  }, () => focusFirstError());

  return (
    <form onSubmit={submit} noValidate aria-label={t(amends ? 'clinical:vitals.amendForm' : 'clinical:vitals.form')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
          {fields.map((f, i) => (
            <NumberInput
              key={f}
              label={t(`clinical:vitals.field.${f}`)}
              rightSection={<span className="nc-unit">{t(`clinical:vitals.unit.${f}`)}</span>}
              rightSectionWidth={f === 'bloodGlucoseMmol' ? 64 : f === 'respiratoryRate' || f === 'pulse' ? 56 : 48}
              decimalScale={DECIMALS[f] ?? 0}
              allowNegative={false}
              hideControls
              inputMode="decimal"
              autoFocus={autoFocus && i === 0}
              {...form.getInputProps(f)}
            />
          ))}
        </SimpleGrid>
        {amends && <TextInput label={t('clinical:amend.reason')} maxLength={500} withAsterisk {...form.getInputProps('reason')} />}
        {empty && <Alert color="red" variant="light" role="alert">{t('clinical:vitals.problem.empty')}</Alert>}
        {formError !== null && <ProblemAlert error={formError} />}
        <Group gap="sm">
          <Button type="submit" loading={record.isPending}>{t(amends ? 'clinical:amend.save' : 'clinical:vitals.save')}</Button>
          {onCancel && <Button variant="default" onClick={onCancel}>{t('clinical:actions.cancel')}</Button>}
        </Group>
      </Stack>
    </form>
  );
}
