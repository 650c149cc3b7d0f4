import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { appealPhone } from '@lianxin/common';
import { Button, Col, Form, Input, Row, Typography } from 'antd';
import { useT } from '../../i18n/i18n';

export interface PartyValues {
  name?: string;
  phone?: string;
  role?: string;
}

export function toParty(values: PartyValues) {
  const phone = values.phone?.trim();
  return { name: values.name?.trim() ?? '', phone: phone ? phone : null, role: values.role?.trim() ?? '' };
}

/** The parties of a dispute (当事人): name, phone and their side, one row each. */
export function PartiesField({ name, min, max }: { name: (string | number)[]; min: number; max: number }) {
  const t = useT();
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, parties: PartyValues[] | undefined) => {
            if ((parties?.length ?? 0) < min) throw new Error(t('mediation.partiesMin', { min }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Row key={field.key} gutter={8} align="top" wrap={false}>
              <Col flex="0 0 24px" style={{ paddingTop: 5 }}>
                <Typography.Text type="secondary">{i + 1}.</Typography.Text>
              </Col>
              <Col flex="1 1 30%">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('mediation.partyNameRule') }]}
                >
                  <Input maxLength={40} placeholder={t('mediation.partyName')} />
                </Form.Item>
              </Col>
              <Col flex="1 1 30%">
                <Form.Item
                  name={[field.name, 'phone']}
                  rules={[
                    {
                      validator: async (_, value: string | undefined) => {
                        if (value?.trim() && !appealPhone.safeParse(value).success) {
                          throw new Error(t('appeals.intake.phoneRule'));
                        }
                      },
                    },
                  ]}
                >
                  <Input maxLength={20} inputMode="tel" placeholder={t('mediation.partyPhone')} />
                </Form.Item>
              </Col>
              <Col flex="1 1 30%">
                <Form.Item name={[field.name, 'role']}>
                  <Input maxLength={40} placeholder={t('mediation.partyRole')} />
                </Form.Item>
              </Col>
              <Col flex="0 0 32px">
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({})}
            disabled={fields.length >= max}
            style={{ marginBottom: 8 }}
          >
            {t('mediation.addParty')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
