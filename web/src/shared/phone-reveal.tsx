import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { type PhoneRevealPurpose, phoneRevealsApi } from '@lianxin/common';
import { useMutation } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import { useShowError } from './feedback';

/** Whose phone a reveal asks for: a household's, a member's, an account holder's. */
export type PhoneOwner = keyof typeof phoneRevealsApi;

const dialable = (phone: string) => phone.replace(/[^\d+]/g, '');

/** Asks the server for one full number; the server audits every call, whatever it is for. */
export function usePhoneReveal(owner: PhoneOwner) {
  return useMutation({
    mutationFn: (input: { id: string; purpose: PhoneRevealPurpose }) =>
      api(phoneRevealsApi[owner], { params: { id: input.id }, body: { purpose: input.purpose } }),
  });
}

/**
 * A tap-to-call: asks the server for the number each time (so each call is audited), then dials
 * it. Offline, the request fails and nothing is dialled: the number is never kept on the device.
 */
export function useTapToCall(owner: PhoneOwner) {
  const showError = useShowError();
  const reveal = usePhoneReveal(owner);
  const call = (id: string, onNumber?: (phone: string) => void) =>
    reveal.mutate(
      { id, purpose: 'call' },
      {
        onSuccess: ({ phone }) => {
          if (!phone) return;
          onNumber?.(phone);
          window.location.href = `tel:${dialable(phone)}`;
        },
        onError: showError,
      },
    );
  return { call, pending: reveal.isPending };
}

/**
 * A phone as the console shows it: masked (138****9469), with a button that shows the whole
 * number and, when `call` is set, one that dials it. Each is a reveal the server audits, and a
 * call asks again each time, so every tap-to-call is in the audit log.
 */
export function RevealablePhone(props: {
  owner: PhoneOwner;
  id: string;
  masked: string | null;
  call?: boolean;
  testId?: string;
}) {
  const { owner, id, masked, call = false, testId = `phone-${owner}-${id}` } = props;
  const t = useT();
  const showError = useShowError();
  const reveal = usePhoneReveal(owner);
  const tap = useTapToCall(owner);
  const [phone, setPhone] = useState<string | null>(null);
  if (!masked) return <span>—</span>;
  return (
    <Space size={4} wrap>
      <Typography.Text data-testid={testId}>{phone ?? masked}</Typography.Text>
      {!phone && (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          aria-label={t('phone.reveal')}
          title={t('phone.revealHint')}
          loading={reveal.isPending}
          onClick={(event) => {
            event.stopPropagation();
            reveal.mutate(
              { id, purpose: 'view' },
              { onSuccess: ({ phone: full }) => setPhone(full), onError: showError },
            );
          }}
          data-testid={`${testId}-reveal`}
        />
      )}
      {call && (
        <Button
          type="link"
          size="small"
          icon={<PhoneOutlined />}
          aria-label={t('phone.call')}
          title={t('phone.revealHint')}
          loading={tap.pending}
          onClick={(event) => {
            event.stopPropagation();
            tap.call(id, setPhone);
          }}
          data-testid={`${testId}-call`}
        />
      )}
    </Space>
  );
}
