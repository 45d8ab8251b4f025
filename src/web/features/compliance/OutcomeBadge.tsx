import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR: Record<string, string> = { success: 'nile', failure: 'red', denied: 'red' };

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation('compliance');
  return <Badge variant="light" color={COLOR[outcome] ?? 'gray'}>{t(`compliance:outcome.${outcome}`, { defaultValue: outcome })}</Badge>;
}
