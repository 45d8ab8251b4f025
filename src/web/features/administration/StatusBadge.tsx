import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('administration');
  return <Badge color={status === 'active' ? 'nile' : 'gray'} variant="light">{t(`administration:status.${status}`, { defaultValue: status })}</Badge>;
}
