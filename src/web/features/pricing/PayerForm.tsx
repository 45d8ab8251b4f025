// A payer's name, kind and coverage per category, typed as percentages (up to two decimals) and
// sent as basis points. Used to add a payer and to change one.
import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { parsePercent, percentText } from './money.ts';
import { PRICE_KINDS, type Payer } from './queries.ts';

export const PAYER_KINDS = ['nhif', 'company', 'other'] as const;
export interface PayerValues { name: string; kind: (typeof PAYER_KINDS)[number]; coverage: { service: number; lab_test: number; medicine: number } }

interface FormValues { name: string; kind: string; coverage: { service: string; lab_test: string; medicine: string } }

export function PayerForm({ payer, onSubmit }: { payer?: Payer; onSubmit(values: PayerValues): Promise<unknown> }) {
  const { t } = useTranslation('pricing');
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<FormValues>({
    initialValues: {
      name: payer?.name ?? '', kind: payer?.kind ?? 'nhif',
      coverage: {
        service: payer ? percentText(payer.coverage.service) : '', lab_test: payer ? percentText(payer.coverage.lab_test) : '', medicine: payer ? percentText(payer.coverage.medicine) : '',
      },
    },
    validateInputOnBlur: true,
    validate: {
      name: (v) => (v.trim().length < 2 ? t('pricing:rules.payerName') : v.length > 200 ? t('pricing:rules.tooLong') : null),
      coverage: { service: (v) => percentRule(v), lab_test: (v) => percentRule(v), medicine: (v) => percentRule(v) },
    },
  });
  function percentRule(v: string) {
    return parsePercent(v) === null ? t('pricing:rules.percent') : null;
  }
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await onSubmit({
        name: v.name.trim(), kind: v.kind as PayerValues['kind'],
        coverage: { service: parsePercent(v.coverage.service)!, lab_test: parsePercent(v.coverage.lab_test)!, medicine: parsePercent(v.coverage.medicine)! },
      });
    } catch (error) {
      setProblem(applyServerErrors(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {problem !== null && <ProblemAlert error={problem} detail />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('pricing:payers.name')} required dir="auto" data-autofocus {...form.getInputProps('name')} />
          <Select label={t('pricing:payers.kind')} allowDeselect={false} data={PAYER_KINDS.map((k) => ({ value: k, label: t(`pricing:payerKinds.${k}`) }))} {...form.getInputProps('kind')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {PRICE_KINDS.map((k) => (
            <TextInput key={k} label={t(`pricing:kinds.${k}`)} description={t('pricing:payers.percentHint')} required dir="ltr" inputMode="decimal"
              rightSection="%" {...form.getInputProps(`coverage.${k}`)} />
          ))}
        </SimpleGrid>
        <Group><Button type="submit" loading={form.submitting}>{t(payer ? 'pricing:payers.save' : 'pricing:payers.add')}</Button></Group>
      </Stack>
    </form>
  );
}
