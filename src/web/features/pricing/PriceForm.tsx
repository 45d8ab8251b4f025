// Adding a price or changing one (a new version; invoices keep the version they were issued with).
// The rules are the server's: a code of letters, digits and . _ -, a name for services, an amount
// with at most two decimals. A lab test or medicine must be in the catalogue (the server says so).
import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { parseMoney } from './money.ts';
import { useCurrencies, type PriceKind } from './queries.ts';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;
export interface PriceDraft { code: string; name: string; unitPrice: string; currency: string }

export function PriceForm({ kind, draft, onSaved }: { kind: PriceKind; draft: PriceDraft | null; onSaved(message: string): void }) {
  const { t } = useTranslation('pricing');
  const client = useQueryClient();
  const currencies = useCurrencies().data?.currencies ?? ['SDG'];
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<PriceDraft>({
    initialValues: draft ?? { code: '', name: '', unitPrice: '', currency: 'SDG' }, // the page remounts the form per draft (key)
    validateInputOnBlur: true,
    validate: {
      code: (v) => (CODE.test(v.trim()) ? null : t('pricing:rules.code')),
      name: (v) => (kind === 'service' && !v.trim() ? t('pricing:rules.name') : v.length > 300 ? t('pricing:rules.tooLong') : null),
      unitPrice: (v) => (parseMoney(v) === null ? t('pricing:rules.amount') : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      const saved = await call(api.POST('/api/v1/price-list', { body: {
        kind, code: v.code.trim(), unitPrice: parseMoney(v.unitPrice)!, currency: v.currency as 'SDG' | 'USD', ...(v.name.trim() && { name: v.name.trim() }),
      } }));
      await client.invalidateQueries({ queryKey: ['pricing'] });
      form.reset();
      onSaved(t('pricing:prices.saved', { name: saved.name, version: saved.version }));
    } catch (error) {
      setProblem(applyServerErrors(form, error));
    }
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">{t(draft ? 'pricing:prices.changeTitle' : 'pricing:prices.addTitle')}</Title>
          {problem !== null && <ProblemAlert error={problem} detail />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('pricing:prices.code')} description={t(`pricing:codeHint.${kind}`)} required dir="ltr" readOnly={draft !== null} {...form.getInputProps('code')} />
            <TextInput label={t('pricing:prices.name')} description={kind === 'service' ? undefined : t('pricing:prices.nameHint')} required={kind === 'service'} dir="auto" {...form.getInputProps('name')} />
            <TextInput label={t('pricing:prices.price')} description={t('pricing:prices.priceHint')} required dir="ltr" inputMode="decimal" {...form.getInputProps('unitPrice')} />
            <Select label={t('pricing:prices.currency')} allowDeselect={false} data={currencies} readOnly={draft !== null} {...form.getInputProps('currency')} />
          </SimpleGrid>
          <Group><Button type="submit" loading={form.submitting}>{t(draft ? 'pricing:prices.saveChange' : 'pricing:prices.add')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
