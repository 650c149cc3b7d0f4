import { CameraOutlined, CheckCircleFilled, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { PhotoError, preparePhoto } from '../../shared/photo';

/** The server keeps at most this many photos per visit (visits.service PHOTOS_PER_VISIT). */
export const PHOTOS_PER_VISIT = 5;

export interface LocalPhoto {
  key: string;
  blob: Blob;
  contentType: 'image/jpeg' | 'image/png';
  /** Sent to the saved visit: a retry does not send it again. */
  uploaded: boolean;
}

function Thumbnail({
  photo,
  onRemove,
  disabled,
}: {
  photo: LocalPhoto;
  onRemove: () => void;
  disabled: boolean;
}) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(photo.blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [photo.blob]);
  return (
    <div className="lx-visit-thumb" data-testid="visit-photo">
      {url && <img src={url} alt={t('assistance.visit.photoAlt')} />}
      {photo.uploaded ? (
        <CheckCircleFilled className="lx-visit-thumb-done" aria-label={t('assistance.visit.photoSent')} />
      ) : (
        <Button
          size="small"
          shape="circle"
          icon={<CloseOutlined />}
          className="lx-visit-thumb-remove"
          disabled={disabled}
          onClick={onRemove}
          aria-label={t('common.remove')}
        />
      )}
    </div>
  );
}

/**
 * Photos of the visit, chosen before saving and sent after the visit is stored. Each is made
 * smaller in the browser first (1600 px, as the residents' page does), which also drops its
 * location data; the server strips it again.
 */
export function VisitPhotos(props: {
  photos: LocalPhoto[];
  onChange: (photos: LocalPhoto[]) => void;
  onBusy: (busy: boolean) => void;
  disabled: boolean;
}) {
  const { photos, onChange, onBusy, disabled } = props;
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const room = PHOTOS_PER_VISIT - photos.length;

  const pick = async (files: File[]) => {
    if (files.length === 0) return;
    setProblem(null);
    setBusy(true);
    onBusy(true);
    const added: LocalPhoto[] = [];
    try {
      for (const file of files.slice(0, room)) {
        try {
          const prepared = await preparePhoto(file);
          added.push({
            key: `${Date.now()}-${added.length}-${file.name}`,
            blob: prepared.blob,
            contentType: prepared.contentType,
            uploaded: false,
          });
        } catch (error) {
          setProblem(
            error instanceof PhotoError && error.reason === 'tooBig'
              ? t('assistance.visit.photoTooBig')
              : t('assistance.visit.photoInvalid'),
          );
        }
      }
      if (files.length > room) setProblem(t('assistance.visit.photoLimit', { max: PHOTOS_PER_VISIT }));
      onChange([...photos, ...added]);
    } finally {
      setBusy(false);
      onBusy(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png"
        multiple
        style={{ display: 'none' }}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so the same picture chosen again after removing it is noticed.
          event.target.value = '';
          void pick(files);
        }}
        data-testid="visit-photo-input"
      />
      {photos.length > 0 && (
        <Flex wrap gap={8}>
          {photos.map((photo) => (
            <Thumbnail
              key={photo.key}
              photo={photo}
              disabled={disabled}
              onRemove={() => onChange(photos.filter((p) => p.key !== photo.key))}
            />
          ))}
        </Flex>
      )}
      {room > 0 && (
        <Button
          type="dashed"
          icon={<CameraOutlined />}
          loading={busy}
          disabled={disabled}
          onClick={() => input.current?.click()}
          className="lx-visit-big"
          data-testid="visit-photo-add"
        >
          {busy ? t('assistance.visit.photoProcessing') : t('assistance.visit.photoAdd')}
        </Button>
      )}
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('assistance.visit.photoHint', { max: PHOTOS_PER_VISIT })}
      </Typography.Text>
    </Flex>
  );
}
