// One section of the summary as a table, with its CSV download: column names and codes (statuses,
// methods, encounter types) from the catalogue, money in the row's currency, counts in the
// user's digits. Cells carry data-value (the API's number) so tests compare against the API.
import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { formatMoney } from './money.ts';
import { CODE_COLUMNS, MONEY_COLUMNS, downloadCsv, type Cell, type Section } from './summary.ts';

export function useCell() {
  const { t } = useTranslation('reports');
  const format = useFormat();
  return (column: string, cell: Cell, row: Cell[], columns: string[]) => {
    if (cell === null) return '';
    if (typeof cell === 'number') {
      const currency = row[columns.indexOf('currency')];
      return MONEY_COLUMNS.has(column) && typeof currency === 'string' ? formatMoney(cell, currency, format.settings) : format.number(cell);
    }
    if (CODE_COLUMNS.has(column)) return t(`reports:values.${cell}`, { defaultValue: cell });
    if (column === 'day') return format.calendarDate(cell);
    return cell;
  };
}

/** Downloads one section as CSV; the accessible name starts with the visible words and names the section. */
export function CsvButton({ id, from, to }: { id: string; from: string; to: string }) {
  const { t } = useTranslation('reports');
  const [failed, setFailed] = useState(false);
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} aria-label={t('reports:csvOf', { section: t(`reports:sections.${id}`) })}
        onClick={() => { setFailed(false); downloadCsv(id, from, to).catch(() => setFailed(true)); }}>
        {t('reports:csv')}
      </Button>
      {failed && <Text c="red" size="sm" role="alert">{t('reports:csvFailed')}</Text>}
    </Stack>
  );
}

export function SectionTable({ section, from, to, caption }: { section: Section; from: string; to: string; caption?: string }) {
  const { t } = useTranslation('reports');
  const show = useCell();
  const title = t(`reports:sections.${section.id}`);
  return (
    <Paper withBorder radius="md" p="md" data-section={section.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">{title}</Title>
          <CsvButton id={section.id} from={from} to={to} />
        </Group>
        {caption && <Text size="sm" c="dimmed">{caption}</Text>}
        {section.rows.length === 0 ? <Text c="dimmed" size="sm">{t('reports:none')}</Text> : (
          // Focusable, so a keyboard can scroll a wide table on a phone.
          <div className="nc-report-scroll" tabIndex={0} role="region" aria-label={title}>
            <Table striped withRowBorders={false} miw={section.columns.length > 3 ? 520 : undefined}>
              <Table.Thead>
                <Table.Tr>{section.columns.map((c) => <Table.Th key={c} ta={c === 'code' || c === 'title' || CODE_COLUMNS.has(c) || c === 'currency' ? 'start' : 'end'}>{t(`reports:columns.${c}`)}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {section.rows.map((row, i) => (
                  <Table.Tr key={i}>
                    {row.map((cell, j) => {
                      const column = section.columns[j]!;
                      return (
                        <Table.Td key={column} data-column={column} data-value={cell ?? ''} ta={typeof cell === 'number' ? 'end' : 'start'}>
                          {column === 'code' || column === 'currency' ? <Bdi ltr>{String(cell)}</Bdi> : show(column, cell, row, section.columns)}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
