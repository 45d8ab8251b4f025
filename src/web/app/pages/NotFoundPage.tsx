// An address the app does not have: say so, and offer the way home.
import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('common:notFound.title'));
  return (
    <Stack align="flex-start" maw={560}>
      <Title order={1}>{t('common:notFound.title')}</Title>
      <Text>{t('common:notFound.text')}</Text>
      <Button component={Link} to="/">{t('common:backHome')}</Button>
    </Stack>
  );
}

/** An area the user's role does not open (its permission is missing in this facility). */
export function NotAllowedPage() {
  const { t } = useTranslation();
  usePageTitle(t('common:notAllowed.title'));
  return (
    <Stack align="flex-start" maw={560}>
      <Title order={1}>{t('common:notAllowed.title')}</Title>
      <Text>{t('common:notAllowed.text')}</Text>
      <Button component={Link} to="/">{t('common:backHome')}</Button>
    </Stack>
  );
}
