// Finding an ICD-10 code in English or Arabic ("malaria", "ملاريا", "B50"), the title in the
// interface's language with the other beside it.
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { CatalogSearch } from './CatalogSearch.tsx';
import { useIcd10Search } from './queries.ts';
import type { Icd10Item } from './types.ts';

/** A catalog entry's name in the interface's language first, the other beside it. */
export function TwoScriptTitle({ en, ar }: { en: string; ar: string | null }) {
  const { i18n } = useTranslation();
  const arFirst = i18n.language === 'ar' && ar;
  const [main, other] = arFirst ? [ar, en] : [en, ar];
  return (
    <span className="nc-name-pair">
      <Text span fw={600} size="sm" lang={arFirst ? 'ar' : 'en'}>{main}</Text>
      {other && <Text span size="sm" c="dimmed" lang={arFirst ? 'en' : 'ar'} dir={arFirst ? 'ltr' : 'rtl'}>{other}</Text>}
    </span>
  );
}

export function Icd10Search({ onPick, label }: { onPick(item: Icd10Item): void; label: string }) {
  const { t } = useTranslation('clinical');
  return (
    <CatalogSearch<Icd10Item>
      label={label}
      hint={t('clinical:diagnoses.searchHint')}
      useSearch={useIcd10Search}
      keyOf={(i) => i.code}
      onPick={onPick}
      render={(item) => (
        <span className="nc-icd-row">
          <Badge variant="light" radius="sm" className="nc-code"><Bdi ltr>{item.code}</Bdi></Badge>
          <TwoScriptTitle en={item.titleEn} ar={item.titleAr} />
          {!item.billable && <Text span size="xs" c="dimmed">{t('clinical:diagnoses.category')}</Text>}
        </span>
      )}
    />
  );
}
