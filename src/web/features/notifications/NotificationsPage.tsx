// One page, three tabs: what was sent (the log), how the facility sends (settings), and what the
// messages say (templates). The tab is kept in the URL (?tab=) so a link or a reload lands on it.
import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { TemplatePreviews } from './TemplatePreviews.tsx';

const TABS = ['log', 'settings', 'templates'] as const;
type Tab = (typeof TABS)[number];

export function NotificationsPage() {
  const { t } = useTranslation('messaging');
  usePageTitle(t('messaging:title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab') as Tab : 'log';
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('messaging:title')}</Title>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'log' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((id) => <Tabs.Tab key={id} value={id}>{t(`messaging:tabs.${id}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="log" pt="md"><DeliveryLog /></Tabs.Panel>
        <Tabs.Panel value="settings" pt="md"><SettingsForm /></Tabs.Panel>
        <Tabs.Panel value="templates" pt="md"><TemplatePreviews /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
