import { Button, Flex, Space } from 'antd';
import { useT } from '../i18n/i18n';

/** A drawer's or modal's footer: cancel, and save (which submits the form). */
export function SaveCancel(props: {
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
  testId: string;
}) {
  const t = useT();
  return (
    <Space>
      <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" loading={props.saving} onClick={props.onSave} data-testid={props.testId}>
        {t('common.save')}
      </Button>
    </Space>
  );
}

/** The same, at the right of a drawer's footer. */
export function DrawerFooter(props: Parameters<typeof SaveCancel>[0]) {
  return (
    <Flex justify="flex-end" gap={8}>
      <SaveCancel {...props} />
    </Flex>
  );
}

/** A filter bar's buttons: search (submits the form) and reset (clears it and the filter). */
export function FilterActions(props: { onReset: () => void; testId: string }) {
  const t = useT();
  return (
    <Space>
      <Button type="primary" htmlType="submit" data-testid={props.testId}>
        {t('common.search')}
      </Button>
      <Button onClick={props.onReset}>{t('common.reset')}</Button>
    </Space>
  );
}
