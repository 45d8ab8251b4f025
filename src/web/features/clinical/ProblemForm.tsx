// Adding a problem to the patient's list: found in the ICD-10 catalog (English or Arabic) or
// written freely, with when it began (a year, a month or a day). Checked while typing with the
// server's rules (history.rules.ts); the server's refusals land on their fields.
import { useState } from 'react';
import { Badge, Button, CloseButton, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DESCRIPTION_MAX, ONSET_PATTERN } from '../../../server/modules/clinical/history.rules.ts';
import { toAsciiDigits } from '../../../server/modules/patients/text/index.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { focusFirstError } from '../reception/usePatientForm.ts';
import { Icd10Search, TwoScriptTitle } from './Icd10Search.tsx';
import { useRecordProblem } from './queries.ts';
import type { Icd10Item } from './types.ts';

interface Values { description: string; onsetDate: string }
const ONSET = new RegExp(ONSET_PATTERN);

export function ProblemForm({ patientId, onDone, onCancel }: { patientId: string; onDone(): void; onCancel(): void }) {
  const { t, i18n } = useTranslation('clinical');
  const record = useRecordProblem(patientId);
  const [code, setCode] = useState<Icd10Item | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: { description: '', onsetDate: '' },
    validateInputOnChange: true,
    validate: {
      description: (v) => (!v.trim() ? t('clinical:problem.descriptionRequired') : v.trim().length > DESCRIPTION_MAX ? t('clinical:allergy.tooLong', { max: DESCRIPTION_MAX }) : null),
      onsetDate: (v) => (v.trim() && !ONSET.test(toAsciiDigits(v.trim())) ? t('clinical:problem.onsetInvalid') : null),
    },
  });

  const pick = (item: Icd10Item) => {
    setCode(item);
    form.setFieldValue('description', i18n.language === 'ar' && item.titleAr ? item.titleAr : item.titleEn);
  };

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await record.mutateAsync({ description: v.description.trim(), ...(code && { code: code.code }), ...(v.onsetDate.trim() && { onsetDate: toAsciiDigits(v.onsetDate.trim()) }) });
      form.reset();
      setCode(null);
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(form, error));
      focusFirstError();
    }
  }, () => focusFirstError());

  return (
    <form onSubmit={submit} noValidate aria-label={t('clinical:problem.form')}>
      <Stack gap="sm">
        {code ? (
          <Group gap="xs" data-testid="picked-problem-code">
            <Badge variant="light" radius="sm"><Bdi ltr>{code.code}</Bdi></Badge>
            <TwoScriptTitle en={code.titleEn} ar={code.titleAr} />
            <CloseButton size="sm" aria-label={t('clinical:problem.removeCode')} onClick={() => setCode(null)} />
          </Group>
        ) : (
          <Icd10Search label={t('clinical:problem.search')} onPick={pick} />
        )}
        <TextInput label={t('clinical:problem.description')} withAsterisk maxLength={DESCRIPTION_MAX} dir="auto" {...form.getInputProps('description')} />
        <TextInput label={t('clinical:problem.onset')} description={t('clinical:problem.onsetHint')} maxLength={10} dir="ltr" inputMode="numeric" w={220} {...form.getInputProps('onsetDate')} />
        {formError !== null && <ProblemAlert error={formError} />}
        <Group gap="sm">
          <Button type="submit" loading={record.isPending}>{t('clinical:problem.save')}</Button>
          <Button variant="default" onClick={onCancel}>{t('clinical:actions.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
