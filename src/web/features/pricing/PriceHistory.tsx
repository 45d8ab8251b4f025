// Every version of one price, newest first: what it cost from when, so a question about an old
// invoice ("why 1,200 then?") has its answer.
import { Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { Money } from './Money.tsx';
import { usePriceHistory, type PriceKind } from './queries.ts';

export function PriceHistory({ kind, code, onClose }: { kind: PriceKind; code: string | null; onClose(): void }) {
  const { t } = useTranslation('pricing');
  const format = useFormat();
  const history = usePriceHistory(kind, code);
  const items = history.data?.items ?? [];
  return (
    <Modal opened={code !== null} onClose={onClose} size="lg" centered closeButtonProps={{ 'aria-label': t('common:close') }}
      title={<>{t('pricing:history.title')} <Bdi ltr>{code ?? ''}</Bdi></>}>
      {history.isError && <ProblemAlert error={history.error} />}
      {history.isSuccess && (
        <Table striped aria-label={t('pricing:history.title')}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('pricing:history.version')}</Table.Th><Table.Th>{t('pricing:prices.price')}</Table.Th><Table.Th>{t('pricing:history.from')}</Table.Th><Table.Th>{t('pricing:history.until')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{format.number(p.version)}</Table.Td>
                <Table.Td><Money minor={p.unitPrice} currency={p.currency} /></Table.Td>
                <Table.Td>{format.dateTime(p.validFrom)}</Table.Td>
                <Table.Td>{p.supersededAt ? format.dateTime(p.supersededAt) : <Text span fw={700} size="sm">{t('pricing:history.current')}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
