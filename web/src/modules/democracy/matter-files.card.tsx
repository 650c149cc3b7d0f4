import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import { MATTER_ATTACHMENTS_MAX, type Matter } from '@lianxin/common';
import { App, Button, Card, Flex, Image, Space, Typography, Upload } from 'antd';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { matterFileUrl, useUploadMatterFile } from './democracy.api';

/** The matter's documents (the proposal's papers) and the photos of the work carried out. */
export function MatterFilesCard({ matter, canWrite }: { matter: Matter; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const uploadFile = useUploadMatterFile();
  const photos = matter.attachments.filter((a) => a.purpose === 'photo');
  const documents = matter.attachments.filter((a) => a.purpose === 'document');
  const full = matter.attachments.length >= MATTER_ATTACHMENTS_MAX;
  const open = !['closed', 'rejected', 'withdrawn'].includes(matter.status);
  const carrying = matter.status === 'carrying_out' || matter.status === 'adopted';

  const uploader = (purpose: 'document' | 'photo') => (
    <Upload
      accept={purpose === 'photo' ? 'image/jpeg,image/png' : 'image/jpeg,image/png,application/pdf'}
      showUploadList={false}
      disabled={full}
      customRequest={({ file }) =>
        uploadFile.mutate(
          { id: matter.id, file: file as File, purpose },
          {
            onSuccess: (a) => message.success(t('democracyWeb.files.uploaded', { name: a.fileName })),
            onError: showError,
          },
        )
      }
    >
      <Button size="small" icon={<UploadOutlined />} loading={uploadFile.isPending} disabled={full}>
        {t(purpose === 'photo' ? 'democracyWeb.files.addPhoto' : 'democracyWeb.files.addDocument')}
      </Button>
    </Upload>
  );

  return (
    <Card
      size="small"
      title={t('democracyWeb.files.title')}
      style={{ marginTop: 16 }}
      extra={
        canWrite &&
        open && (
          <Space wrap>
            {uploader('document')}
            {carrying && uploader('photo')}
          </Space>
        )
      }
      data-testid="matter-files"
    >
      {matter.attachments.length === 0 && (
        <Typography.Text type="secondary">{t('democracyWeb.files.none')}</Typography.Text>
      )}
      {documents.length > 0 && (
        <Flex vertical gap={4} style={{ marginBottom: photos.length > 0 ? 12 : 0 }}>
          {documents.map((d) => (
            <Typography.Link key={d.id} href={matterFileUrl(matter.id, d.id)} target="_blank">
              <FileOutlined /> {d.fileName}
            </Typography.Link>
          ))}
        </Flex>
      )}
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {photos.map((p) => (
              <Image
                key={p.id}
                src={matterFileUrl(matter.id, p.id)}
                alt={p.fileName}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}
