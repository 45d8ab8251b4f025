// One recording of vital signs: each value in a tile, abnormal ones marked by the server's flag in
// words and an arrow (never by colour alone), critical ones stronger, with the range they were
// compared with. BMI is the server's, computed from weight and height.
import { Badge, Group, Paper, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { Vitals } from './types.ts';
import { DECIMALS, isCritical, shownFlag, shownVitals, type ShownVital } from './vitals.ts';
import './clinical.css';

export function useVitalText() {
  const { t } = useTranslation('clinical');
  const format = useFormat();
  const num = (v: number | null, field: keyof typeof DECIMALS | string) => v === null ? '–'
    : format.number(v, { maximumFractionDigits: DECIMALS[field as keyof typeof DECIMALS] ?? 0 });
  return {
    label: (s: ShownVital) => t(`clinical:vitals.field.${s}`),
    unit: (s: ShownVital) => t(`clinical:vitals.unit.${s}`),
    value: (v: Vitals, s: ShownVital) => s === 'bloodPressure' ? `${num(v.systolic, 'systolic')}/${num(v.diastolic, 'diastolic')}` : num(v[s], s),
  };
}

export function VitalsCard({ vitals, actions, superseded }: { vitals: Vitals; actions?: ReactNode; superseded?: boolean }) {
  const { t } = useTranslation('clinical');
  const format = useFormat();
  const text = useVitalText();
  return (
    <Paper withBorder radius="md" p="sm" className={superseded ? 'nc-superseded' : undefined} data-testid="vitals-card">
      <Group justify="space-between" gap="xs" mb="xs">
        <Group gap="xs">
          <Text size="sm" fw={600}>{format.dateTime(vitals.recordedAt)}</Text>
          {superseded && <Badge variant="outline" color="gray">{t('clinical:amend.corrected')}</Badge>}
          {vitals.amendsId && <Badge variant="light" color="grape">{t('clinical:amend.correction')}</Badge>}
        </Group>
        {actions}
      </Group>
      {vitals.amendReason && <Text size="sm" mb="xs">{t('clinical:amend.reasonShown', { reason: vitals.amendReason })}</Text>}
      <div className="nc-vitals-grid">
        {shownVitals(vitals).map((s) => {
          const flag = shownFlag(vitals, s);
          const critical = isCritical(flag);
          return (
            <div key={s} className="nc-vital" data-flag={flag ? (critical ? 'critical' : 'abnormal') : undefined} data-field={s}>
              <Text size="xs" c="dimmed" component="div">{text.label(s)}</Text>
              <Text fw={700} size="lg" component="div">
                <Bdi ltr>{text.value(vitals, s)}</Bdi> <Text span size="xs" fw={400}>{text.unit(s)}</Text>
              </Text>
              {flag && (
                <Text size="xs" fw={700} component="div" className="nc-flag">
                  {flag.flag.endsWith('high') ? <IconArrowUp size={12} aria-hidden /> : <IconArrowDown size={12} aria-hidden />}
                  {' '}{t(`clinical:flag.${flag.flag}`)}{' '}
                  <Text span size="xs" fw={400}>{t('clinical:flag.range', { range: flag.normalRange })}</Text>
                </Text>
              )}
            </div>
          );
        })}
      </div>
    </Paper>
  );
}
