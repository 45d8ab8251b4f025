// A facility's details, for editing one's own facility or creating a new one (super admins). The
// rules are the server's (facility-form.ts), checked on leaving a field; a taken code lands on it.
import { useState } from 'react';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SUDAN_STATES } from '../../../server/modules/patients/text/index.ts';
import type { Facility } from '../../api/types.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePreferences } from '../../app/preferences/PreferencesProvider.tsx';
import { FACILITY_TYPES, facilityProblems, type FacilityFormValues } from './facility-form.ts';

export type FacilityInput = Omit<FacilityFormValues, 'lockAfterMinutes' | 'type' | 'state'> & { lockAfterMinutes: number; type: Facility['type']; state: string };

export function FacilityForm({ initial, submitLabel, onSubmit }: { initial?: Facility; submitLabel: string; onSubmit(values: FacilityInput): Promise<unknown> }) {
  const { t } = useTranslation('administration');
  const { language } = usePreferences();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<FacilityFormValues>({
    initialValues: {
      name: initial?.name ?? '', code: initial?.code ?? '', type: initial?.type ?? '', state: initial?.state ?? '',
      locality: initial?.locality ?? '', timeZone: initial?.timeZone ?? 'Africa/Khartoum', lockAfterMinutes: initial?.lockAfterMinutes ?? 10,
    },
    validateInputOnBlur: true,
    validate: (v) => Object.fromEntries(Object.entries(facilityProblems(v)).map(([k, rule]) => [k, t(`administration:rules.${rule}`, { max: k === 'locality' ? 100 : 200 })])),
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit({ ...v, name: v.name.trim(), locality: v.locality.trim(), timeZone: v.timeZone.trim(), lockAfterMinutes: Number(v.lockAfterMinutes) });
      if (!initial) form.reset();
    } catch (error) {
      setProblem(applyServerErrors(form, error));
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {problem !== null && <ProblemAlert error={problem} detail />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('administration:facility.name')} required dir="auto" {...form.getInputProps('name')} />
          <TextInput label={t('administration:facility.code')} description={t('administration:facility.codeHint')} required dir="ltr"
            {...form.getInputProps('code')} onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())} />
          <Select label={t('administration:facility.type')} required allowDeselect={false}
            data={FACILITY_TYPES.map((v) => ({ value: v, label: t(`administration:facility.types.${v}`) }))} {...form.getInputProps('type')} />
          <Select label={t('administration:facility.state')} required allowDeselect={false} searchable
            data={SUDAN_STATES.map((s) => ({ value: s.code, label: s[language] }))} {...form.getInputProps('state')} />
          <TextInput label={t('administration:facility.locality')} dir="auto" {...form.getInputProps('locality')} />
          <TextInput label={t('administration:facility.timeZone')} description={t('administration:facility.timeZoneHint')} dir="ltr" required {...form.getInputProps('timeZone')} />
          <NumberInput label={t('administration:facility.lock')} description={t('administration:facility.lockHint')} min={1} max={120} allowDecimal={false} required {...form.getInputProps('lockAfterMinutes')} />
        </SimpleGrid>
        <Group><Button type="submit" loading={busy}>{submitLabel}</Button></Group>
      </Stack>
    </form>
  );
}
