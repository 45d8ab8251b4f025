// Cancelling a prescription nothing of which was dispensed: it needs a reason, which is kept.
import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { Prescription } from './types.ts';

export function CancelPrescription({ prescription }: { prescription: Prescription }) {
  const { t } = useTranslation('clinical');
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const cancel = useMutation({
    mutationFn: () => call(api.POST('/api/v1/prescriptions/{id}/cancel', { params: { path: { id: prescription.id } }, body: { reason: reason.trim() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clinical'] }),
  });
  if (!open) return <Button size="compact-sm" variant="default" mt="xs" onClick={() => setOpen(true)}>{t('clinical:rx.cancel')}</Button>;
  return (
    <>
      <Group align="flex-end" gap="sm" mt="xs">
        <TextInput label={t('clinical:rx.cancelReason')} value={reason} maxLength={500} withAsterisk dir="auto" autoFocus style={{ flex: 1 }}
          error={missing ? t('clinical:rx.cancelReasonRequired') : undefined} onChange={(e) => { setReason(e.currentTarget.value); setMissing(false); }} />
        <Button color="red.9" loading={cancel.isPending} onClick={() => (reason.trim() ? cancel.mutate() : setMissing(true))}>{t('clinical:rx.cancelConfirm')}</Button>
        <Button variant="default" onClick={() => setOpen(false)}>{t('clinical:actions.back')}</Button>
      </Group>
      {cancel.isError && <ProblemAlert error={cancel.error} />}
    </>
  );
}
