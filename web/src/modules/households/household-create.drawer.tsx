import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { HouseholdsCreateBody, relations } from '@lianxin/common';
import { Alert, App, Button, Card, Drawer, Form, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { DrawerFooter } from '../../shared/form-actions';
import { blankToNull, type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { HouseholdBasicFields } from './household-basic-fields';
import { isHouseholdArea, useHouseholdFormOptions } from './household-options';
import { useCreateHousehold } from './households.api';
import { freeYear, IndicatorFields, type IndicatorFormValues, toIndicatorsBody } from './indicator-fields';
import { emptyResident, ResidentFields, type ResidentFormValues, toResidentBody } from './resident-fields';

interface FormValues {
  areaCode?: string;
  number: string;
  address?: string;
  phone?: string;
  tags: string[];
  members: ResidentFormValues[];
  withIndicators: boolean;
  indicators: IndicatorFormValues;
}

/** A new household file (一户一档) with its members and, optionally, last year's indicators. */
export function HouseholdCreateDrawer(props: { open: boolean; onClose: () => void; afterClose: () => void }) {
  const { open, onClose, afterClose } = props;
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { index } = useHouseholdFormOptions();
  const create = useCreateHousehold();
  const withIndicators = Form.useWatch('withIndicators', form);
  const members = Form.useWatch('members', form);

  const [initialValues] = useState<FormValues>(() => {
    const own = index.byCode.get(me.areaCode);
    return {
      areaCode: own && isHouseholdArea(own) ? own.code : undefined,
      number: '',
      tags: [],
      members: [emptyResident('head')],
      withIndicators: false,
      indicators: { year: freeYear(), hardships: [] },
    };
  });

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: { number: t('household.numberRule'), areaCode: t('household.areaRule') },
      codes: {
        HOUSEHOLD_NUMBER_TAKEN: ['number'],
        AREA_UNKNOWN: ['areaCode'],
        AREA_LEVEL_INVALID: ['areaCode'],
        TAG_UNKNOWN: ['tags'],
        HOUSEHOLD_HEAD_INVALID: ['members'],
      },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, HouseholdsCreateBody, mapping);

  const submit = (values: FormValues) => {
    const body = validate({
      areaCode: values.areaCode,
      number: values.number,
      address: values.address ?? '',
      phone: blankToNull(values.phone),
      tags: values.tags,
      members: values.members.map(toResidentBody),
      indicators: values.withIndicators
        ? { year: values.indicators.year, ...toIndicatorsBody(values.indicators) }
        : null,
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (household) => {
        message.success(t('household.created', { number: household.number }));
        onClose();
        navigate(`/households/${household.id}`);
      },
      onError: handleError,
    });
  };

  const activeMembers = (members ?? []).filter((m) => m?.status !== 'moved_out' && m?.status !== 'deceased');

  return (
    <Drawer
      title={t('household.createTitle')}
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      size={820}
      footer={
        <DrawerFooter
          onCancel={onClose}
          onSave={() => form.submit()}
          saving={create.isPending}
          testId="household-create-submit"
        />
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="household-create"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Card size="small" title={t('household.basics')} style={{ marginBottom: 16 }}>
          <HouseholdBasicFields areaHint={t('household.areaHint')} />
        </Card>
        <Form.List name="members">
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('household.memberN', { n: i + 1 })}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('common.remove')}
                      >
                        {t('common.remove')}
                      </Button>
                    )
                  }
                  data-testid={`household-create-member-${i}`}
                >
                  <ResidentFields prefix={[field.name]} relations={relations} />
                </Card>
              ))}
              {errors.length > 0 && (
                <Alert type="error" showIcon title={errors} data-testid="members-error" />
              )}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add(emptyResident('child'))}
                disabled={fields.length >= 30}
                data-testid="household-create-add-member"
              >
                {t('household.addMember')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Card
          size="small"
          title={t('household.indicatorsOptional')}
          extra={
            <Form.Item name="withIndicators" valuePropName="checked" noStyle>
              <Switch size="small" data-testid="household-create-with-indicators" />
            </Form.Item>
          }
        >
          {withIndicators ? (
            <IndicatorFields prefix={['indicators']} members={activeMembers.length} />
          ) : (
            <Typography.Text type="secondary">{t('household.indicatorsLater')}</Typography.Text>
          )}
        </Card>
      </Form>
    </Drawer>
  );
}
