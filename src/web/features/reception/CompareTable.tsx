// Two or more versions of a person side by side, one column each, row by row; a row whose values
// agree is marked (with a word for screen readers, not colour alone).
import type { ReactNode } from 'react';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { IconEqual } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { COMPARE_ROWS, sameRows, type CompareRow, type Side } from './compare.ts';
import { formatPhone } from './display.ts';
import { usePatientText } from './usePatientText.ts';

export interface CompareColumn { key: string; header: ReactNode; side: Side | null }

export function CompareTable({ caption, columns }: { caption: string; columns: CompareColumn[] }) {
  const { t } = useTranslation('reception');
  const text = usePatientText();
  const loaded = columns.map((c) => c.side).filter((s): s is Side => s !== null);
  const same = loaded.length === columns.length ? sameRows(loaded) : new Set<CompareRow>();

  const cell = (side: Side, row: CompareRow): ReactNode => {
    switch (row) {
      case 'nameAr': return side.nameAr ? <span lang="ar" dir="rtl">{side.nameAr}</span> : null;
      case 'nameLatin': return side.nameLatin ? <span lang="en" dir="ltr">{side.nameLatin}</span> : null;
      case 'sex': return side.sex ? text.sex(side.sex) : null;
      case 'birth': return side.birth ? [text.birth(side.birth), text.age(side.birth)].filter(Boolean).join(' · ') : null;
      case 'phone': return side.phone ? <Bdi ltr>{formatPhone(side.phone)}</Bdi> : null;
      case 'nationalId': return side.nationalId ? <Bdi ltr>{side.nationalId}</Bdi> : null;
      case 'state': return text.state(side.state) || null;
      case 'locality': return side.locality ? <Bdi>{side.locality}</Bdi> : null;
    }
  };

  return (
    <Table className="nc-compare" withTableBorder withColumnBorders verticalSpacing="xs" role="table">
      <caption><VisuallyHidden>{caption}</VisuallyHidden></caption>
      <colgroup>
        <col className="nc-col-label" />
        {columns.map((c) => <col key={c.key} />)}
      </colgroup>
      <Table.Thead role="rowgroup">
        <Table.Tr role="row">
          <Table.Td role="cell" />
          {columns.map((c) => <Table.Th key={c.key} scope="col" role="columnheader">{c.header}</Table.Th>)}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody role="rowgroup">
        {COMPARE_ROWS.map((row) => (
          <Table.Tr key={row} role="row" className={same.has(row) ? 'nc-same' : undefined}>
            <Table.Th scope="row" role="rowheader">
              {t(`reception:compare.${row}`)}
              {same.has(row) && <> <IconEqual size={14} aria-hidden /><VisuallyHidden>{t('reception:compare.same')}</VisuallyHidden></>}
            </Table.Th>
            {columns.map((c) => (
              <Table.Td key={c.key} role="cell">
                {c.side ? cell(c.side, row) ?? <Text span c="dimmed" size="sm">{t('reception:compare.none')}</Text> : <Text span c="dimmed" size="sm">{t('common:loading')}</Text>}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
