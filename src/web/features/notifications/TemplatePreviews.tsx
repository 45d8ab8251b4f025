// Every message template as the server renders it (the same code the worker sends with), in
// English and Arabic side by side, filled with example values. The Arabic reads right to left.
import { Accordion, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { eventLabel } from './events.ts';
import { useTemplates } from './queries.ts';

function Message({ language, subject, text }: { language: 'en' | 'ar'; subject: string; text: string }) {
  return (
    <Paper withBorder p="sm" radius="sm" lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
      <Text size="xs" c="dimmed">{language === 'ar' ? 'العربية' : 'English'}</Text>
      <Text fw={600} size="sm" mb="xs">{subject}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>
    </Paper>
  );
}

export function TemplatePreviews() {
  const { t } = useTranslation('messaging');
  const templates = useTemplates();
  if (templates.isError) return <ProblemAlert error={templates.error} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('messaging:templates.explain')}</Text>
      <Accordion multiple variant="separated" defaultValue={templates.data?.items.slice(0, 1).map((i) => i.event)} key={templates.data ? 'ready' : 'loading'}>
        {templates.data?.items.map((item) => (
          <Accordion.Item key={item.event} value={item.event}>
            <Accordion.Control><Title order={2} size="h5">{eventLabel(t, item.event)}</Title></Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Message language="en" subject={item.en.subject} text={item.en.text} />
                <Message language="ar" subject={item.ar.subject} text={item.ar.text} />
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
