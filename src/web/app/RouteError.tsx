// What a person sees when a screen fails to load or crashes: never a blank page. A screen whose
// code file is gone (the app was updated while open) offers a reload.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { isApiError } from '../api/problem.ts';

const STALE_CODE = /dynamically imported module|Importing a module script failed|error loading dynamically imported/i;

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const stale = error instanceof Error && STALE_CODE.test(error.message);
  return (
    <Stack p="md" maw={640} align="flex-start" role="alert">
      <Title order={1} size="h2">{stale ? t('common:crash.updatedTitle') : t('common:crash.title')}</Title>
      {isApiError(error) ? <ProblemAlert error={error} />
        : <Text>{stale ? t('common:crash.updatedText') : isRouteErrorResponse(error) && error.status === 404 ? t('common:notFound.text') : t('common:crash.text')}</Text>}
      <Group>
        <Button onClick={() => window.location.reload()}>{t('common:crash.reload')}</Button>
        <Button variant="default" component={Link} to="/">{t('common:backHome')}</Button>
      </Group>
    </Stack>
  );
}
