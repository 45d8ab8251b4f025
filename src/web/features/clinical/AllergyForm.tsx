// Recording an allergy: the allergen chosen from the medicine classes (in the interface's language)
// or a formulary medicine, or written freely ("peanuts"); the reaction; how severe. A class chosen
// from the list is sent as its id too, so prescriptions of the whole class are warned about; free
// text is matched by the server as well ("Penicillin", "بنسلين"). Checked while typing with the
// server's limits (history.rules.ts); the server's refusals land on their fields.
import { useState } from 'react';
import { Autocomplete, Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { REACTION_MAX, SEVERITIES, SUBSTANCE_MAX } from '../../../server/modules/clinical/history.rules.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { focusFirstError } from '../reception/usePatientForm.ts';
import { useAllergyGroups, useMedicationSearch, useRecordAllergy } from './queries.ts';

interface Values { substance: string; reaction: string; severity: string }

export function AllergyForm({ patientId, onDone, onCancel }: { patientId: string; onDone(): void; onCancel(): void }) {
  const { t, i18n } = useTranslation('clinical');
  const record = useRecordAllergy(patientId);
  const groups = useAllergyGroups();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: { substance: '', reaction: '', severity: '' },
    validateInputOnChange: ['substance', 'reaction'],
    validateInputOnBlur: true,
    validate: {
      substance: (v) => (!v.trim() ? t('clinical:allergy.substanceRequired') : v.trim().length > SUBSTANCE_MAX ? t('clinical:allergy.tooLong', { max: SUBSTANCE_MAX }) : null),
      reaction: (v) => (v.trim().length > REACTION_MAX ? t('clinical:allergy.tooLong', { max: REACTION_MAX }) : null),
      severity: (v) => (v ? null : t('clinical:allergy.severityRequired')),
    },
  });

  const text = form.getValues().substance.trim();
  const [q] = useDebouncedValue(text, 250);
  const medicines = useMedicationSearch(q, q.length >= 2);
  const label = (g: { en: string; ar: string }) => (i18n.language === 'ar' ? g.ar : g.en);
  const classes = groups.data?.items ?? [];
  const medicineNames = [...new Set((q.length >= 2 ? medicines.data?.items ?? [] : []).filter((m) => !m.hidden).map((m) => m.name))].slice(0, 8);
  // Offered once something is typed, so the list does not cover the form when the dialog opens.
  const data = !text ? [] : [
    { group: t('clinical:allergy.classes'), items: classes.map(label) },
    ...(medicineNames.length ? [{ group: t('clinical:allergy.medicines'), items: medicineNames.filter((n) => !classes.some((g) => label(g) === n)) }] : []),
  ];

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    const substance = v.substance.trim();
    // A class chosen from the list (in either language) is recorded under its id as well.
    const group = classes.find((g) => [g.en, g.ar, g.id].some((name) => name.toLowerCase() === substance.toLowerCase()));
    try {
      await record.mutateAsync({
        substance, severity: v.severity as (typeof SEVERITIES)[number], ...(group && { medicationCode: group.id }), ...(v.reaction.trim() && { reaction: v.reaction.trim() }),
      });
      form.reset();
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(form, error));
      focusFirstError();
    }
  }, () => focusFirstError());

  return (
    <form onSubmit={submit} noValidate aria-label={t('clinical:allergy.form')}>
      <Stack gap="sm">
        <Autocomplete
          label={t('clinical:allergy.substance')} description={t('clinical:allergy.substanceHint')} withAsterisk data={data} limit={40} maxLength={SUBSTANCE_MAX}
          dir="auto" autoComplete="off" data-autofocus {...form.getInputProps('substance')}
        />
        <TextInput label={t('clinical:allergy.reaction')} description={t('clinical:allergy.reactionHint')} maxLength={REACTION_MAX} dir="auto" {...form.getInputProps('reaction')} />
        <Radio.Group label={t('clinical:allergy.severity')} withAsterisk {...form.getInputProps('severity')}>
          <Group gap="lg" mt={6}>
            {SEVERITIES.map((s) => <Radio key={s} value={s} label={t(`clinical:severity.${s}`)} />)}
          </Group>
        </Radio.Group>
        {formError !== null && <ProblemAlert error={formError} />}
        <Group gap="sm">
          <Button type="submit" loading={record.isPending}>{t('clinical:allergy.save')}</Button>
          <Button variant="default" onClick={onCancel}>{t('clinical:actions.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
