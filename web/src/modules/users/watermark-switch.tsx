import { App, Space, Switch, Tooltip, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { useSecuritySettings } from '../../shared/watermark';
import { useUpdateSecuritySettings } from './users.api';

/** The district's screen watermark, on or off: for the district administrator only (audited). */
export function WatermarkSwitch() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const settings = useSecuritySettings();
  const update = useUpdateSecuritySettings();
  if (!can('areas.manage') || !settings.data) return null;
  return (
    <Tooltip title={t('watermark.hint')}>
      <Space size={6}>
        <Typography.Text>{t('watermark.label')}</Typography.Text>
        <Switch
          checked={settings.data.watermark}
          loading={update.isPending}
          onChange={(watermark) =>
            update.mutate(
              { ...settings.data, watermark },
              {
                onSuccess: () => message.success(t(watermark ? 'watermark.turnedOn' : 'watermark.turnedOff')),
                onError: showError,
              },
            )
          }
          data-testid="watermark-switch"
        />
      </Space>
    </Tooltip>
  );
}
