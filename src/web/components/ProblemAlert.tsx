// A failed request shown where it happened: never a blank page. 403 and 404 say plainly that the
// user may not see it or that it is not in this facility; a 5xx gives the request id to quote.
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem.ts';
import { Bdi } from './Bdi.tsx';
import { problemMessage } from './problem-message.ts';

/** `detail`: show the server's reason for a refusal rather than the kind of problem (see problemMessage). */
export function ProblemAlert({ error, title, detail = false }: { error: unknown; title?: string; detail?: boolean }) {
  const { t } = useTranslation();
  const requestId = isApiError(error) && error.status >= 500 ? error.problem.requestId : undefined;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title ?? titleFor(t, error)} role="alert">
      <Text size="sm">{problemMessage(t, error, { preferDetail: detail })}</Text>
      {requestId && <Text size="xs" c="dimmed" mt="xs">{t('errors:requestId')} <Bdi ltr>{requestId}</Bdi></Text>}
    </Alert>
  );
}

function titleFor(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (!isApiError(error)) return t('errors:title.generic');
  if (error.status === 403) return t('errors:title.forbidden');
  if (error.status === 404) return t('errors:title.notFound');
  if (error.status === 0) return t('errors:title.offline');
  return t('errors:title.generic');
}
