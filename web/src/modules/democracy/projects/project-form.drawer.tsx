import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ProjectCreateBody } from '@lianxin/common';
import { Button, DatePicker, Drawer, Form, Input, InputNumber, Space } from 'antd';
import type dayjs from 'dayjs';
import { useT } from '../../../i18n/i18n';
import { clientUuid } from '../../../shared/client-id';
import { useShowError } from '../../../shared/feedback';
import { DrawerFooter } from '../../../shared/form-actions';
import { VillageSelect } from '../disclosures/village-select';
import { useCreateProject } from './projects.api';

interface Values {
  areaCode: string;
  title: string;
  description?: string;
  responsiblePerson: string;
  responsibleUnit: string;
  budget: number;
  stages: { name: string; dueOn: dayjs.Dayjs }[];
}

/** A new project: where, who answers for it, its budget and its stages with due days. */
export function ProjectFormDrawer(props: {
  open: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const showError = useShowError();

  const save = async () => {
    const v = await form.validateFields();
    const body = ProjectCreateBody.parse({
      id: clientUuid(),
      ...v,
      description: v.description ?? '',
      stages: v.stages.map((s) => ({ name: s.name, dueOn: s.dueOn.format('YYYY-MM-DD') })),
    });
    try {
      const project = await create.mutateAsync(body);
      form.resetFields();
      props.onSaved(project.id);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('projects.create')}
      width={560}
      footer={
        <DrawerFooter
          onCancel={props.onClose}
          onSave={save}
          saving={create.isPending}
          testId="project-save"
        />
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="project-form" initialValues={{ stages: [{}] }}>
        <Form.Item name="areaCode" label={t('projects.field.area')} rules={[{ required: true }]}>
          <VillageSelect testId="project-area" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('projects.field.title')}
          rules={[{ required: true, whitespace: true, max: 120 }]}
        >
          <Input data-testid="project-title" />
        </Form.Item>
        <Form.Item name="description" label={t('projects.field.description')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="responsiblePerson"
            label={t('projects.field.responsiblePerson')}
            rules={[{ required: true, whitespace: true, max: 40 }]}
          >
            <Input data-testid="project-person" />
          </Form.Item>
          <Form.Item
            name="responsibleUnit"
            label={t('projects.field.responsibleUnit')}
            rules={[{ required: true, whitespace: true, max: 80 }]}
          >
            <Input data-testid="project-unit" />
          </Form.Item>
        </Space>
        <Form.Item name="budget" label={t('projects.field.budget')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="project-budget" />
        </Form.Item>
        <Form.List name="stages">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('projects.field.stageName')}
                    rules={[{ required: true, whitespace: true, max: 60 }]}
                  >
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'dueOn']}
                    label={t('projects.field.dueOn')}
                    rules={[{ required: true }]}
                  >
                    <DatePicker />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add()}
                icon={<PlusOutlined />}
                disabled={fields.length >= 20}
              >
                {t('projects.addStage')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
