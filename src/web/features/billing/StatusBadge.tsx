// An invoice's or payment's status as a badge; dark shades keep the white text readable (axe:
// Mantine's orange.9 is below 4.5:1 on white, so "partly paid" and "pending" use a darker orange).
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus, Payment } from './types.ts';

const COLORS: Record<InvoiceStatus | Payment['status'], string> = {
  issued: 'blue.8', partially_paid: '#a33c00', paid: 'teal.9', void: 'gray.7', pending: '#a33c00', completed: 'teal.9', failed: 'red.9',
};

export function StatusBadge({ status }: { status: InvoiceStatus | Payment['status'] }) {
  const { t } = useTranslation('invoicing');
  return <Badge color={COLORS[status]} radius="sm" data-status={status}>{t(`invoicing:status.${status}`)}</Badge>;
}
