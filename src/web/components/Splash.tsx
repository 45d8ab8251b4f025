// While the session starts or a screen's code and strings load.
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Splash() {
  const { t } = useTranslation();
  return (
    <Center mih="60dvh" role="status" aria-live="polite">
      <Loader aria-label={t('common:loading')} />
    </Center>
  );
}
