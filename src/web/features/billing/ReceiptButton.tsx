// "Print receipt": the PDF in the interface language, fetched with the session's token (a plain
// link would carry none) and opened from a blob URL for the browser's viewer to print. A receipt
// the server cannot give yet (404) is said plainly instead of opening an empty tab.
import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { session } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function ReceiptButton({ paymentId }: { paymentId: string }) {
  const { t, i18n } = useTranslation('invoicing');
  const [state, setState] = useState<{ busy: boolean; error?: unknown; unavailable?: boolean }>({ busy: false });

  async function open() {
    setState({ busy: true });
    try {
      const response = await session.fetch(new Request(`/api/v1/payments/${paymentId}/receipt?lang=${i18n.language === 'ar' ? 'ar' : 'en'}`, { signal: AbortSignal.timeout(30_000) }));
      if (response.status === 404) return setState({ busy: false, unavailable: true });
      if (!response.ok) return setState({ busy: false, error: new ApiError(response.status, await response.json().catch(() => undefined)) });
      const url = URL.createObjectURL(await response.blob());
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000); // the new tab has loaded it by then
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: error instanceof ApiError ? error : new ApiError(0, undefined) });
    }
  }

  return (
    <Stack gap={4} align="flex-start">
      <Button size="xs" variant="default" leftSection={<IconPrinter size={16} aria-hidden />} loading={state.busy} onClick={() => void open()}>{t('invoicing:receipt.print')}</Button>
      {state.unavailable && <Text size="sm" c="orange.9" role="status">{t('invoicing:receipt.unavailable')}</Text>}
      {state.error !== undefined && <ProblemAlert error={state.error} />}
    </Stack>
  );
}
