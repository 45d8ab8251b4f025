// Encounter words shared by the worklist, the workspace and the chart.
import { useTranslation } from 'react-i18next';

const TYPES = ['outpatient', 'emergency', 'inpatient'] as const;

export function useEncounterText() {
  const { t } = useTranslation('clinical');
  return {
    status: (s: string) => t(`clinical:status.${s === 'completed' ? 'completed' : 'in_progress'}`),
    type: (type: string) => t(`clinical:type.${TYPES.find((x) => x === type) ?? 'outpatient'}`),
  };
}
