// Entering an order's results: a number (with the test's unit) for numeric tests, one of the
// catalog's answers for coded ones. Tests left empty can be entered later; the server flags each
// value against the range and refuses one that does not fit, on its field.
import { useState } from 'react';
import { Button, Group, NumberInput, Select, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { LabOrder, LabTestResult } from '../clinical/types.ts';
import { useLabStep, useLabTest } from './queries.ts';

export function ResultsForm({ order }: { order: LabOrder }) {
  const { t } = useTranslation('laboratory');
  const { results } = useLabStep();
  const open = order.tests.filter((x) => x.value === null);
  const [values, setValues] = useState<Record<string, number | string>>({});
  const filled = open.filter((x) => values[x.code] !== undefined && values[x.code] !== '');
  const fieldErrors = isApiError(results.error) ? results.error.fieldErrors() : {};
  const errorFor = (code: string) => {
    const i = filled.findIndex((x) => x.code === code);
    return i < 0 ? undefined : fieldErrors[`results.${i}.value`] ?? fieldErrors[`results.${i}.code`];
  };
  const save = () => results.mutate({ id: order.id, results: filled.map((x) => ({ code: x.code, value: values[x.code]! })) });
  return (
    <Stack gap="sm" mt="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {open.map((x) => <ResultField key={x.code} test={x} value={values[x.code] ?? ''} error={errorFor(x.code)} onChange={(v) => setValues((s) => ({ ...s, [x.code]: v }))} />)}
      </SimpleGrid>
      {results.isError && Object.keys(fieldErrors).length === 0 && <ProblemAlert error={results.error} />}
      <Group><Button onClick={save} disabled={filled.length === 0} loading={results.isPending}>{t('laboratory:saveResults', { count: filled.length })}</Button></Group>
    </Stack>
  );
}

function ResultField({ test, value, error, onChange }: { test: LabTestResult; value: number | string; error?: string; onChange(v: number | string): void }) {
  const entry = useLabTest(test.code);
  const label = test.name;
  if (entry.isPending) return <Skeleton height={58} />;
  if (entry.data?.kind === 'coded') {
    return <Select label={label} data={entry.data.answers} value={value === '' ? null : String(value)} onChange={(v) => onChange(v ?? '')} error={error} clearable />;
  }
  return (
    <NumberInput label={label} value={value} onChange={onChange} error={error} hideControls decimalScale={3}
      rightSection={test.unit ? <span className="nc-unit">{test.unit}</span> : undefined} rightSectionWidth={test.unit ? Math.min(90, 20 + test.unit.length * 7) : undefined} />
  );
}
