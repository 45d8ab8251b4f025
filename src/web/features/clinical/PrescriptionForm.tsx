// Prescribing from the formulary: find the medicine (English or Arabic), then dose, unit, route,
// how often and for how many days. When the server warns — an allergy on record, the same medicine
// already active — the warnings are said in plain words and the prescription is saved only if the
// doctor gives a reason to go ahead (kept with it).
import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, List, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { focusFirstError } from '../reception/usePatientForm.ts';
import { CatalogSearch } from './CatalogSearch.tsx';
import { MedicationName } from './MedicationName.tsx';
import { useMedicationSearch, usePrescribe } from './queries.ts';
import type { MedicationItem, PrescriptionWarning } from './types.ts';

// Suggestions only: the server keeps what is written.
const UNITS = ['tablet', 'capsule', 'mg', 'mL', 'g', 'IU', 'drop', 'puff', 'sachet', 'application'];
const ROUTES = ['oral', 'IV', 'IM', 'SC', 'topical', 'rectal', 'inhaled', 'eye', 'ear'];
const FREQUENCIES = ['once daily', 'twice daily', 'three times daily', 'four times daily', 'every 8 hours', 'at night', 'once', 'as needed'];

interface Values { dose: number | string; doseUnit: string; route: string; frequency: string; durationDays: number | string; quantity: number | string; instructions: string }
const EMPTY: Values = { dose: '', doseUnit: '', route: 'oral', frequency: '', durationDays: '', quantity: '', instructions: '' };

export function warningsOf(error: unknown): PrescriptionWarning[] {
  if (!isApiError(error) || error.code !== 'conflict' || !Array.isArray(error.problem.warnings)) return [];
  return error.problem.warnings as PrescriptionWarning[];
}

export function PrescriptionForm({ encounterId }: { encounterId: string }) {
  const { t } = useTranslation('clinical');
  const prescribe = usePrescribe(encounterId);
  const [medication, setMedication] = useState<MedicationItem | null>(null);
  const [warnings, setWarnings] = useState<PrescriptionWarning[]>([]);
  const [override, setOverride] = useState('');
  const [overrideMissing, setOverrideMissing] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const required = (v: unknown) => (v === '' || v === null ? t('clinical:rx.required') : null);
  const form = useForm<Values>({
    initialValues: EMPTY,
    validateInputOnBlur: true,
    validate: { dose: required, doseUnit: required, route: required, frequency: required, durationDays: required },
  });

  const restart = () => {
    setMedication(null);
    setWarnings([]);
    setOverride('');
    form.setValues(EMPTY);
  };

  const submit = form.onSubmit(async (v) => {
    if (!medication) return;
    if (warnings.length > 0 && !override.trim()) return setOverrideMissing(true);
    setFormError(null);
    try {
      await prescribe.mutateAsync({
        medicationCode: medication.code, dose: Number(v.dose), doseUnit: v.doseUnit.trim(), route: v.route.trim(), frequency: v.frequency.trim(),
        durationDays: Number(v.durationDays), ...(v.quantity !== '' && { quantity: Number(v.quantity) }), ...(v.instructions.trim() && { instructions: v.instructions.trim() }),
        ...(warnings.length > 0 && { overrideReason: override.trim() }),
      });
      restart();
    } catch (error) {
      const found = warningsOf(error);
      if (found.length > 0) return setWarnings(found);
      setFormError(applyServerErrors(form, error));
      focusFirstError();
    }
  }, () => focusFirstError());

  if (!medication) {
    return (
      <CatalogSearch<MedicationItem>
        label={t('clinical:rx.search')} hint={t('clinical:rx.searchHint')} useSearch={useMedicationSearch} keyOf={(m) => m.code}
        onPick={setMedication} render={(m) => <MedicationName medication={m} />}
      />
    );
  }
  return (
    <Paper withBorder radius="md" p="sm" component="form" onSubmit={submit} noValidate aria-label={t('clinical:rx.form')}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <MedicationName medication={medication} />
          <Button variant="subtle" size="compact-sm" onClick={restart}>{t('clinical:rx.another')}</Button>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="xs">
          <NumberInput label={t('clinical:rx.dose')} withAsterisk min={0} decimalScale={3} hideControls {...form.getInputProps('dose')} />
          <Autocomplete label={t('clinical:rx.doseUnit')} withAsterisk data={UNITS} maxLength={32} {...form.getInputProps('doseUnit')} />
          <Autocomplete label={t('clinical:rx.route')} withAsterisk data={ROUTES} maxLength={32} {...form.getInputProps('route')} />
          <Autocomplete label={t('clinical:rx.frequency')} withAsterisk data={FREQUENCIES} maxLength={64} {...form.getInputProps('frequency')} />
          <NumberInput label={t('clinical:rx.durationDays')} withAsterisk min={1} max={365} allowDecimal={false} hideControls {...form.getInputProps('durationDays')} />
          <NumberInput label={t('clinical:rx.quantity')} description={t('clinical:rx.quantityHint')} min={1} allowDecimal={false} hideControls {...form.getInputProps('quantity')} />
        </SimpleGrid>
        <TextInput label={t('clinical:rx.instructions')} maxLength={1000} dir="auto" {...form.getInputProps('instructions')} />
        {warnings.length > 0 && (
          <Alert color="orange" variant="light" role="alert" title={t('clinical:rx.warningsTitle')}>
            <List size="sm" spacing={4}>
              {warnings.map((w, i) => <List.Item key={i}>{t(`clinical:rx.warning.${w.kind === 'allergy' ? 'allergy' : 'duplicate'}`)} <Text span size="xs" c="dimmed">({w.message})</Text></List.Item>)}
            </List>
            <Textarea mt="sm" label={t('clinical:rx.overrideReason')} withAsterisk value={override} maxLength={500} autosize minRows={2} dir="auto"
              error={overrideMissing ? t('clinical:rx.overrideRequired') : undefined}
              onChange={(e) => { setOverride(e.currentTarget.value); setOverrideMissing(false); }} />
          </Alert>
        )}
        {formError !== null && <ProblemAlert error={formError} />}
        <Group gap="sm">
          <Button type="submit" loading={prescribe.isPending} color={warnings.length ? 'red.9' : undefined}>{t(warnings.length ? 'clinical:rx.prescribeAnyway' : 'clinical:rx.prescribe')}</Button>
          <Button variant="default" onClick={restart}>{t('clinical:actions.cancel')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
