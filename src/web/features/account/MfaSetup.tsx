// Turning on two-step sign-in: the password again, then the QR code (and the key, for typing), a
// first code from the app, and finally the recovery codes — shown this once, never again.
import { useState } from 'react';
import { Alert, Button, Code, Group, List, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, call, session } from '../../api/client.ts';
import type { MfaEnrollment } from '../../api/types.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

type Step = { name: 'password' } | { name: 'scan'; enrollment: MfaEnrollment } | { name: 'codes'; codes: string[] };

export function MfaSetup({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation('account');
  const [step, setStep] = useState<Step>({ name: 'password' });
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const passwordForm = useForm({ initialValues: { password: '' }, validate: { password: (v) => (v ? null : t('account:mfa.passwordRequired')) } });
  const codeForm = useForm({ initialValues: { code: '' }, validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : t('auth:mfa.codeInvalid')) } });

  const run = async (work: () => Promise<void>, form: Parameters<typeof applyServerErrors>[0], messages: Record<string, string> = {}) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(applyServerErrors(form, error, messages));
    } finally {
      setBusy(false);
    }
  };

  if (step.name === 'password') {
    return (
      <form noValidate onSubmit={passwordForm.onSubmit(({ password }) => run(async () => {
        const enrollment = await call(api.POST('/api/v1/auth/mfa/enroll', { body: { password } }));
        setStep({ name: 'scan', enrollment });
      }, passwordForm, { password: t('account:mfa.wrongPassword') }))}>
        <Stack>
          <Text size="sm">{t('account:mfa.startExplain')}</Text>
          {problem !== null && <ProblemAlert error={problem} />}
          <PasswordInput label={t('auth:fields.password')} autoComplete="current-password" required {...passwordForm.getInputProps('password')} />
          <Group>
            <Button type="submit" loading={busy}>{t('account:mfa.continue')}</Button>
            {onCancel && <Button variant="default" onClick={onCancel}>{t('common:cancel')}</Button>}
          </Group>
        </Stack>
      </form>
    );
  }

  if (step.name === 'scan') {
    const { enrollment } = step;
    return (
      <form noValidate onSubmit={codeForm.onSubmit(({ code }) => run(async () => {
        const confirmed = await call(api.POST('/api/v1/auth/mfa/confirm', { body: { code: code.trim() } }));
        // Turning MFA on may end every session and return a fresh pair for this device (as a password
        // change does). Swap the token quietly: reloading the user now would leave a forced setup
        // screen before the recovery codes were read.
        const fresh = (confirmed as { accessToken?: unknown }).accessToken;
        if (typeof fresh === 'string') session.start(fresh);
        setStep({ name: 'codes', codes: confirmed.recoveryCodes });
      }, codeForm))}>
        <Stack>
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('account:mfa.scanStep1')}</List.Item>
            <List.Item>{t('account:mfa.scanStep2')}</List.Item>
            <List.Item>{t('account:mfa.scanStep3')}</List.Item>
          </List>
          <img className="nc-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrollment.qrSvg)}`} alt={t('account:mfa.qrAlt')} />
          <Text size="sm">{t('account:mfa.manualKey')} <Code dir="ltr" data-testid="mfa-secret">{enrollment.secret}</Code></Text>
          {problem !== null && <ProblemAlert error={problem} />}
          <TextInput label={t('auth:mfa.codeLabel')} autoComplete="one-time-code" inputMode="numeric" dir="ltr" maw={200} required {...codeForm.getInputProps('code')} />
          <Group>
            <Button type="submit" loading={busy}>{t('account:mfa.confirm')}</Button>
            {onCancel && <Button variant="default" onClick={onCancel}>{t('common:cancel')}</Button>}
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <Stack>
      <Alert color="yellow" title={t('account:mfa.codesTitle')}>{t('account:mfa.codesExplain')}</Alert>
      <SimpleGrid cols={2} spacing="xs" className="nc-recovery-codes" data-testid="recovery-codes">
        {step.codes.map((code) => <Text key={code} ff="monospace">{code}</Text>)}
      </SimpleGrid>
      <Button onClick={onDone} style={{ alignSelf: 'flex-start' }}>{t('account:mfa.codesSaved')}</Button>
    </Stack>
  );
}
