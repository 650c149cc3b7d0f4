import { CheckCircleFilled } from '@ant-design/icons';
import {
  maskPhone,
  VerifiablePhone,
  VerificationCode,
  type VerificationPurpose,
  type VerificationSendResponse,
  verificationCodesApi,
} from '@lianxin/common';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { api, isApiError } from '../api/client';
import { useT } from '../i18n/i18n';

export interface VerifiedPhone {
  /** Sent with the domain's request (a comment, a registration); good for 30 minutes. */
  proof: string;
  phone: string;
  phoneMasked: string;
}

interface PhoneVerificationProps {
  purpose: VerificationPurpose;
  onVerified: (result: VerifiedPhone) => void;
}

/** Seconds left of a countdown, ticking once a second while above zero. */
function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

/**
 * A resident proves their mobile number: number, "获取验证码" with a countdown, the 6-digit code.
 * Any public form that needs a verified phone (comments and objections on a notice, a job
 * seeker's registration, a 代办 request) puts this in and sends the proof it hands back.
 */
export function PhoneVerification({ purpose, onVerified }: PhoneVerificationProps) {
  const t = useT();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<{
    phone: string;
    answer: VerificationSendResponse;
    /** How long the code is good, as the server said when it sent it. */
    minutes: number;
  } | null>(null);
  const [verified, setVerified] = useState<VerifiedPhone | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [countdown, startCountdown] = useCountdown();
  const phoneId = useId();
  const codeId = useId();

  const send = useMutation({
    mutationFn: (body: { phone: string; purpose: VerificationPurpose }) =>
      api(verificationCodesApi.send, { body }),
  });
  const verify = useMutation({
    mutationFn: (body: { phone: string; purpose: VerificationPurpose; code: string }) =>
      api(verificationCodesApi.verify, { body }),
  });

  // The server's messages come in the page's language (the client sends Accept-Language).
  const explain = (error: unknown) => (isApiError(error) ? error.message : t('error.unexpected'));

  const askForCode = () => {
    if (send.isPending || countdown > 0) return;
    setProblem(null);
    const parsed = VerifiablePhone.safeParse(phone);
    if (!parsed.success) {
      setProblem(t('verification.phoneInvalid'));
      return;
    }
    send.mutate(
      { phone: parsed.data, purpose },
      {
        onSuccess: (answer) => {
          setSentTo({
            phone: parsed.data,
            answer,
            minutes: Math.max(1, Math.round((Date.parse(answer.expiresAt) - Date.now()) / 60_000)),
          });
          setCode('');
          startCountdown(answer.resendAfterSeconds);
        },
        onError: (error) => setProblem(explain(error)),
      },
    );
  };

  const check = () => {
    if (verify.isPending || !sentTo) return;
    setProblem(null);
    const parsed = VerificationCode.safeParse(code.trim());
    if (!parsed.success) {
      setProblem(t('verification.codeInvalid'));
      return;
    }
    verify.mutate(
      { phone: sentTo.phone, purpose, code: parsed.data },
      {
        onSuccess: (answer) => {
          const result = { proof: answer.proof, phone: sentTo.phone, phoneMasked: answer.phoneMasked };
          setVerified(result);
          onVerified(result);
        },
        onError: (error) => setProblem(explain(error)),
      },
    );
  };

  if (verified) {
    return (
      <Flex align="center" gap={8} wrap data-testid="phone-verified">
        <CheckCircleFilled style={{ color: '#389e0d' }} />
        <Typography.Text>{t('verification.verified', { phone: verified.phoneMasked })}</Typography.Text>
        <Button
          type="link"
          onClick={() => {
            setVerified(null);
            setSentTo(null);
            setCode('');
          }}
        >
          {t('verification.change')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12} data-testid="phone-verification">
      <div>
        <label htmlFor={phoneId}>{t('verification.phone')}</label>
        <Flex gap={8} style={{ marginTop: 4 }}>
          <Input
            id={phoneId}
            size="large"
            inputMode="tel"
            autoComplete="tel"
            maxLength={11}
            value={phone}
            placeholder={t('verification.phonePlaceholder')}
            onChange={(event) => setPhone(event.target.value.replace(/\D/g, ''))}
            data-testid="phone-verification-phone"
          />
          <Button
            size="large"
            onClick={askForCode}
            loading={send.isPending}
            disabled={countdown > 0}
            style={{ minWidth: 128 }}
            data-testid="phone-verification-send"
          >
            {countdown > 0
              ? t('verification.countdown', { seconds: countdown })
              : sentTo
                ? t('verification.resend')
                : t('verification.send')}
          </Button>
        </Flex>
      </div>
      {sentTo && (
        <Typography.Text type="secondary">
          {t('verification.sent', { phone: maskPhone(sentTo.phone), minutes: sentTo.minutes })}
        </Typography.Text>
      )}
      {sentTo?.answer.devCode && (
        <Alert
          type="info"
          showIcon
          title={t('verification.devCode', { code: sentTo.answer.devCode })}
          data-testid="phone-verification-dev-code"
        />
      )}
      {sentTo && (
        <div>
          <label htmlFor={codeId}>{t('verification.code')}</label>
          <Flex gap={8} style={{ marginTop: 4 }}>
            <Input
              id={codeId}
              size="large"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              placeholder={t('verification.codePlaceholder')}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
              onPressEnter={check}
              data-testid="phone-verification-code"
            />
            <Button
              size="large"
              type="primary"
              onClick={check}
              loading={verify.isPending}
              style={{ minWidth: 128 }}
              data-testid="phone-verification-submit"
            >
              {t('verification.submit')}
            </Button>
          </Flex>
        </div>
      )}
      {problem && <Alert type="error" showIcon title={problem} data-testid="phone-verification-problem" />}
    </Flex>
  );
}
