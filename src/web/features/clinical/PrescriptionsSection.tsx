// The encounter's prescriptions: what was prescribed (with any warning overridden and its reason,
// and how much the pharmacy has dispensed), and — while the encounter is open — the form.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session/permissions.ts';
import { CancelPrescription } from './CancelPrescription.tsx';
import { PrescriptionForm } from './PrescriptionForm.tsx';
import { PrescriptionLine } from './PrescriptionLine.tsx';
import type { Encounter } from './types.ts';
import './clinical.css';

export function PrescriptionsSection({ encounter }: { encounter: Encounter }) {
  const { t } = useTranslation('clinical');
  const canWrite = useCan('prescriptions:write');
  const open = encounter.status === 'in_progress';
  return (
    <Stack gap="sm" component="section" aria-labelledby="rx-title">
      <Title order={2} size="h3" id="rx-title">{t('clinical:rx.title')}</Title>
      {encounter.prescriptions.length === 0 && <Text size="sm" c="dimmed">{t('clinical:rx.none')}</Text>}
      <Stack gap="xs" component="ul" className="nc-plain-list">
        {encounter.prescriptions.map((p) => (
          <Paper key={p.id} component="li" withBorder radius="md" p="sm" data-testid="prescription">
            <PrescriptionLine prescription={p} />
            {canWrite && p.status === 'pending' && p.dispensedQuantity === 0 && <CancelPrescription prescription={p} />}
            {p.overrideReason && (
              <Group gap="xs" mt={4}>
                <Badge color="orange.3" autoContrast radius="sm">{t('clinical:rx.overridden')}</Badge>
                <Text size="sm">{t('clinical:amend.reasonShown', { reason: p.overrideReason })}</Text>
              </Group>
            )}
          </Paper>
        ))}
      </Stack>
      {canWrite && open && <PrescriptionForm encounterId={encounter.id} />}
    </Stack>
  );
}
