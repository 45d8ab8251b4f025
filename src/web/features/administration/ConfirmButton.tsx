// A button for an action that is hard to undo: it asks once, in a dialog that names what will happen.
import { useState } from 'react';
import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface Props extends Pick<ButtonProps, 'color' | 'variant' | 'disabled'> {
  label: string;
  question: string;
  onConfirm(): Promise<unknown>;
}

export function ConfirmButton({ label, question, onConfirm, ...button }: Props) {
  const { t } = useTranslation('administration');
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      close();
    }
  };
  return (
    <>
      <Button {...button} onClick={open}>{label}</Button>
      <Modal closeButtonProps={{ 'aria-label': t('common:close') }} opened={opened} onClose={close} title={label} centered>
        <Text mb="lg">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{t('common:cancel')}</Button>
          <Button color={button.color} onClick={() => void confirm()} loading={busy}>{t('administration:confirm')}</Button>
        </Group>
      </Modal>
    </>
  );
}
