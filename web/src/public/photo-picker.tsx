import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { PhotoError, type PreparedPhoto, preparePhoto } from '../shared/photo';

interface Props {
  value: PreparedPhoto | null;
  onChange: (photo: PreparedPhoto | null) => void;
  /** While a picture is being made smaller, the form waits for it. */
  onBusy: (busy: boolean) => void;
  disabled?: boolean;
}

/** One optional photo: a big button that opens the camera or the gallery, then a preview to remove. */
export function PhotoPicker({ value, onChange, onBusy, disabled }: Props) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!value) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(value.blob);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [value]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setBusy(true);
    onBusy(true);
    try {
      onChange(await preparePhoto(file));
    } catch (error) {
      setProblem(
        error instanceof PhotoError && error.reason === 'tooBig'
          ? t('public.submit.photoTooBig')
          : t('public.submit.photoInvalid'),
      );
    } finally {
      setBusy(false);
      onBusy(false);
    }
  };

  return (
    <Flex vertical gap={8} data-testid="public-photo">
      {/* Phones offer the camera and the gallery for this; the picture is made smaller before sending. */}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png"
        style={{ display: 'none' }}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same picture again after removing it is noticed.
          event.target.value = '';
          void pick(file);
        }}
        data-testid="public-photo-input"
      />
      {value && preview ? (
        <>
          <img src={preview} alt={t('public.submit.photoAlt')} className="lx-public-photo" />
          <Button
            danger
            block
            icon={<DeleteOutlined />}
            disabled={disabled}
            onClick={() => {
              setProblem(null);
              onChange(null);
            }}
            style={{ height: 48, fontSize: 16 }}
            data-testid="public-photo-remove"
          >
            {t('public.submit.photoRemove')}
          </Button>
        </>
      ) : (
        <Button
          block
          type="dashed"
          icon={<CameraOutlined style={{ fontSize: 24 }} />}
          loading={busy}
          disabled={disabled}
          onClick={() => input.current?.click()}
          style={{ height: 72, fontSize: 17 }}
          data-testid="public-photo-add"
        >
          {busy ? t('public.submit.photoProcessing') : t('public.submit.photoAdd')}
        </Button>
      )}
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 14 }}>
        {t('public.submit.photoHint')}
      </Typography.Text>
    </Flex>
  );
}
