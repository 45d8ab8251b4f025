// The staff form: @mantine/form with the server's rules (rules.ts) in the interface's words. What
// typing more cannot fix shows at once, the rest on leaving a field or saving; the server's refusals
// land on the field they name (a taken email on the email field).
import { useLayoutEffect, useRef } from 'react';
import { Select, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/forms.ts';
import { EMAIL_MAX, NAME_MAX, staffProblems, type StaffFormValues, type StaffProblems } from './rules.ts';

type StaffForm = UseFormReturnType<StaffFormValues>;
const FIELDS = ['name', 'email', 'phone', 'role'] as const;

export function useStaffForm() {
  const { t } = useTranslation('administration');
  const words = (p: StaffProblems) => Object.fromEntries(Object.entries(p).map(([k, rule]) => [k, t(`administration:rules.${rule}`, { max: k === 'email' ? EMAIL_MAX : NAME_MAX })]));
  const ref = useRef<StaffForm | null>(null);
  const form = useForm<StaffFormValues>({
    initialValues: { name: '', email: '', phone: '', role: '' },
    validateInputOnBlur: true,
    validate: (values) => words(staffProblems(values, 'complete')),
    onValuesChange(values, previous) {
      const typing = words(staffProblems(values, 'typing'));
      for (const f of FIELDS) if (values[f] !== previous[f] && typing[f]) ref.current?.setFieldError(f, typing[f]);
    },
  });
  useLayoutEffect(() => {
    ref.current = form;
  });
  const applyRefusal = (error: unknown) => applyServerErrors(form, error);
  return { form, applyRefusal };
}

export function StaffFields({ form, roles }: { form: StaffForm; roles: readonly string[] }) {
  const { t } = useTranslation('administration');
  return (
    <>
      <TextInput label={t('administration:staff.name')} required dir="auto" autoComplete="off" maxLength={NAME_MAX + 1} {...form.getInputProps('name')} />
      <TextInput label={t('administration:staff.email')} required type="email" dir="ltr" autoComplete="off" {...form.getInputProps('email')} />
      <TextInput label={t('administration:staff.phone')} description={t('administration:staff.phoneHint')} type="tel" dir="ltr" autoComplete="off" {...form.getInputProps('phone')} />
      <Select
        label={t('administration:staff.role')} required allowDeselect={false}
        data={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} {...form.getInputProps('role')}
      />
    </>
  );
}
