// The registration and edit form: @mantine/form with the server's rules (rules.ts). What typing
// more cannot fix shows at once; the rest when the user leaves the field or saves; an error goes
// away as soon as the field (or the group it depends on: the names, the birth, the emergency
// contact) is right again. The server's refusals land on their fields in the form's own words.
import { useLayoutEffect, useRef } from 'react';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { FORM_PATHS, NAME_FIELDS, valueAt, type FormPath, type PatientFormValues } from './patient-form.ts';
import { checkPatientForm, serverRuleCode, type RuleErrors, type RuleProblem } from './rules.ts';
import { usePatientText } from './usePatientText.ts';

export type PatientForm = UseFormReturnType<PatientFormValues>;

const GROUPS: readonly (readonly FormPath[])[] = [
  NAME_FIELDS,
  ['birthKnown', 'dateOfBirth', 'birthYear'],
  ['emergencyContact.name', 'emergencyContact.phone', 'emergencyContact.relationship'],
];
const groupOf = (path: FormPath): readonly FormPath[] => GROUPS.find((g) => g.includes(path)) ?? [path];

export function usePatientForm(initialValues: PatientFormValues) {
  const { t } = useTranslation('reception');
  const { today, language } = usePatientText();
  const word = (p: RuleProblem) => t(`reception:rules.${p.code}`, p.values);
  const words = (errors: RuleErrors) => Object.fromEntries(Object.entries(errors).map(([path, p]) => [path, word(p!)]));
  const formRef = useRef<PatientForm | null>(null);

  const form = useForm<PatientFormValues>({
    initialValues,
    validateInputOnBlur: true,
    validate: (values) => words(checkPatientForm(values, today, 'complete', language)),
    onValuesChange(values, previous) {
      const current = formRef.current;
      if (!current) return;
      const typing = checkPatientForm(values, today, 'typing');
      const complete = checkPatientForm(values, today, 'complete', language);
      for (const path of FORM_PATHS) {
        if (valueAt(values, path) === valueAt(previous, path)) continue;
        const now = typing[path];
        if (now) current.setFieldError(path, word(now));
        for (const other of groupOf(path)) if (other !== path && current.errors[other] && !complete[other]) current.clearFieldError(other);
      }
    },
  });
  useLayoutEffect(() => {
    formRef.current = form;
  });

  /** Puts a refusal's field errors on the form; returns what no field can show (for <ProblemAlert>), or null. */
  const applyRefusal = (error: unknown): unknown => {
    const messages: Record<string, string> = {};
    if (isApiError(error)) {
      for (const [path, message] of Object.entries(error.fieldErrors())) {
        const code = serverRuleCode(path, message);
        if (code) messages[path] = word({ code });
      }
    }
    const rest = applyServerErrors(form, error, messages);
    focusFirstError();
    return rest;
  };

  return { form, applyRefusal };
}

/** After a refused save, the first field in error takes the focus (and scrolls into view). */
export function focusFirstError(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
}
