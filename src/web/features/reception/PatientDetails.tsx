// A record's details as label and value pairs. The national ID is shown as the API gives it (in
// full on one patient's record; lists get it masked).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../api/types.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { formatPhone } from './display.ts';
import { usePatientText } from './usePatientText.ts';

export function PatientDetails({ patient: p }: { patient: Patient }) {
  const { t } = useTranslation('reception');
  const text = usePatientText();
  const format = useFormat();
  const age = text.age(p);
  const contact = p.emergencyContact;
  const rows: [string, ReactNode][] = [
    [t('reception:fields.mrn'), <Bdi ltr>{p.mrn}</Bdi>],
    [t('reception:fields.sex'), text.sex(p.sex)],
    [t('reception:fields.age'), age || null],
    [t('reception:fields.birth'), text.birth(p) || null],
    [t('reception:fields.phone'), p.phone ? <Bdi ltr>{formatPhone(p.phone)}</Bdi> : null],
    [t('reception:fields.nationalId'), p.nationalId ? <Bdi ltr>{p.nationalId}</Bdi> : null],
    [t('reception:fields.state'), text.state(p.address?.state) || null],
    [t('reception:fields.locality'), p.address?.locality ? <Bdi>{p.address.locality}</Bdi> : null],
    [t('reception:fields.addressLine'), p.address?.line ? <Bdi>{p.address.line}</Bdi> : null],
    [t('reception:form.emergency'), contact
      ? <><Bdi>{contact.name}</Bdi>{contact.relationship && <> (<Bdi>{contact.relationship}</Bdi>)</>} · <Bdi ltr>{formatPhone(contact.phone)}</Bdi></>
      : null],
    [t('reception:fields.preferredLanguage'), text.preferredLanguage(p.preferredLanguage)],
    [t('reception:fields.registered'), format.dateTime(p.createdAt)],
    [t('reception:fields.updated'), format.dateTime(p.updatedAt)],
  ];
  return (
    <dl className="nc-details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value ?? <span className="nc-none">{t('reception:compare.none')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
