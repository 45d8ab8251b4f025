// The fields of a patient record, shared by registration and editing. Sudanese naming: four parts
// (own, father's, grandfather's, family) in Arabic script and in Latin letters, each in its own
// direction; the interface's script first. `clashes` (after an edit conflict) shows under a field
// what is on record now beside what the user typed.
import type { ReactNode } from 'react';
import { Fieldset, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ARABIC_NAME_FIELDS, LATIN_NAME_FIELDS, type FormPath, type NameField } from './patient-form.ts';
import { formatPhone, stateOptions } from './display.ts';
import { usePatientText } from './usePatientText.ts';
import type { PatientForm } from './usePatientForm.ts';
import './reception.css';

const PART: Record<NameField, string> = {
  firstName: 'first', fatherName: 'father', grandfatherName: 'grandfather', lastName: 'last',
  firstNameAr: 'first', fatherNameAr: 'father', grandfatherNameAr: 'grandfather', lastNameAr: 'last',
};

interface Props {
  form: PatientForm;
  clashes?: Partial<Record<FormPath, string>>;
}

export function PatientFields({ form, clashes = {} }: Props) {
  const { t } = useTranslation('reception');
  const text = usePatientText();
  const values = form.getValues();

  const onRecord = (path: FormPath): ReactNode => {
    const theirs = clashes[path];
    if (theirs === undefined) return undefined;
    const shown = path === 'address.state' ? text.state(theirs)
      : path === 'sex' ? text.sex(theirs)
      : path === 'phone' || path === 'emergencyContact.phone' ? formatPhone(theirs)
      : theirs;
    return <span className="nc-clash">{t('reception:edit.onRecordNow', { value: shown || t('reception:edit.empty') })}</span>;
  };

  const nameFields = (fields: readonly NameField[], script: 'ar' | 'en') => (
    <Fieldset legend={t(`reception:form.names.${script}`)} variant="unstyled" className="nc-fieldset">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {fields.map((f) => (
          <TextInput
            key={f}
            label={t(`reception:form.name.${PART[f]}.${script}`)}
            lang={script}
            dir={script === 'ar' ? 'rtl' : 'ltr'}
            autoComplete="off"
            description={onRecord(f)}
            {...form.getInputProps(f)}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
  const scripts = text.language === 'ar'
    ? [nameFields(ARABIC_NAME_FIELDS, 'ar'), nameFields(LATIN_NAME_FIELDS, 'en')]
    : [nameFields(LATIN_NAME_FIELDS, 'en'), nameFields(ARABIC_NAME_FIELDS, 'ar')];

  const age = values.birthKnown === 'year' && /^\s*\d{4}\s*$/.test(values.birthYear)
    ? text.age({ dateOfBirth: null, birthYear: Number(values.birthYear), birthDateEstimated: true })
    : values.birthKnown === 'date' && values.dateOfBirth ? text.age({ dateOfBirth: values.dateOfBirth, birthYear: 0, birthDateEstimated: false }) : '';

  return (
    <Stack gap="xl">
      {scripts[0]}
      {scripts[1]}
      <Fieldset legend={t('reception:form.person')} variant="unstyled" className="nc-fieldset">
        <Stack gap="sm">
          <Radio.Group label={t('reception:fields.sex')} required description={onRecord('sex')} {...form.getInputProps('sex')}>
            <Group gap="lg" mt={6}>
              <Radio value="female" label={t('reception:sex.female')} />
              <Radio value="male" label={t('reception:sex.male')} />
              <Radio value="unknown" label={t('reception:sex.unknown')} />
            </Group>
          </Radio.Group>
          <Radio.Group label={t('reception:form.birthKnown')} {...form.getInputProps('birthKnown')}>
            <Group gap="lg" mt={6}>
              <Radio value="date" label={t('reception:form.birthDate')} />
              <Radio value="year" label={t('reception:form.birthYearOnly')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {values.birthKnown === 'date'
              ? <TextInput type="date" required label={t('reception:fields.dateOfBirth')} max={text.today} description={onRecord('dateOfBirth') ?? (age && t('reception:form.ageIs', { age }))} {...form.getInputProps('dateOfBirth')} />
              : <TextInput required label={t('reception:fields.birthYear')} inputMode="numeric" maxLength={4} dir="ltr" description={onRecord('birthYear') ?? (age ? t('reception:form.ageIs', { age }) : t('reception:form.birthYearHint'))} {...form.getInputProps('birthYear')} />}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('reception:form.contact')} variant="unstyled" className="nc-fieldset">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="tel" label={t('reception:fields.phone')} dir="ltr" autoComplete="off" description={onRecord('phone') ?? t('reception:form.phoneHint')} {...form.getInputProps('phone')} />
          <TextInput label={t('reception:fields.nationalId')} dir="ltr" inputMode="numeric" autoComplete="off" description={onRecord('nationalId') ?? t('reception:form.nationalIdHint')} {...form.getInputProps('nationalId')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('reception:form.address')} variant="unstyled" className="nc-fieldset">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <NativeSelect
            label={t('reception:fields.state')}
            data={[{ value: '', label: t('reception:form.noState') }, ...stateOptions(text.language)]}
            description={onRecord('address.state')}
            {...form.getInputProps('address.state')}
          />
          <TextInput dir="auto" label={t('reception:fields.locality')} description={onRecord('address.locality')} {...form.getInputProps('address.locality')} />
          <TextInput dir="auto" label={t('reception:fields.addressLine')} description={onRecord('address.line')} {...form.getInputProps('address.line')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('reception:form.emergency')} variant="unstyled" className="nc-fieldset">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput dir="auto" label={t('reception:fields.contactName')} description={onRecord('emergencyContact.name')} {...form.getInputProps('emergencyContact.name')} />
          <TextInput type="tel" label={t('reception:fields.contactPhone')} dir="ltr" description={onRecord('emergencyContact.phone')} {...form.getInputProps('emergencyContact.phone')} />
          <TextInput dir="auto" label={t('reception:fields.relationship')} description={onRecord('emergencyContact.relationship')} {...form.getInputProps('emergencyContact.relationship')} />
        </SimpleGrid>
      </Fieldset>
      <Radio.Group label={t('reception:fields.preferredLanguage')} description={onRecord('preferredLanguage') ?? t('reception:form.preferredLanguageHint')} {...form.getInputProps('preferredLanguage')}>
        <Group gap="lg" mt={6}>
          <Radio value="ar" label={t('reception:languages.ar')} />
          <Radio value="en" label={t('reception:languages.en')} />
        </Group>
      </Radio.Group>
    </Stack>
  );
}

