import { Alert, Typography } from 'antd';
import { useT } from '../../i18n/i18n';

/** A secret shown once (a key, a signing secret), with a copy button. */
export function ShownOnceAlert(props: {
  title: string;
  hint: string;
  secret: string;
  testId: string;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={props.title}
      description={
        <>
          <Typography.Paragraph>{props.hint}</Typography.Paragraph>
          <Typography.Paragraph
            code
            copyable={{ text: props.secret, tooltips: [t('integrations.copy'), t('integrations.copied')] }}
            style={{ marginBottom: 0, wordBreak: 'break-all' }}
            data-testid={props.testId}
          >
            {props.secret}
          </Typography.Paragraph>
        </>
      }
      closable={{ onClose: props.onClose }}
    />
  );
}
