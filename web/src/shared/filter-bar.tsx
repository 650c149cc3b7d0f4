import { Card, Form, type FormInstance } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { FilterActions } from './form-actions';

/**
 * The filter bar of a list page: the drill-down tags above, the fields in one inline form, and the
 * search and reset buttons. The fields follow `values` when the filter changes from outside (a
 * card's link, the back button); `values` must keep its identity while the filter is the same.
 */
export function FilterBar<V extends object>(props: {
  form: FormInstance<V>;
  /** The form's name (field ids derive from it). */
  name: string;
  values: Partial<V>;
  onSearch: (values: V) => void;
  /** The filter cleared: the fields are reset before this is called. */
  onReset: () => void;
  /** The search button's test id. */
  testId: string;
  tags?: ReactNode;
  children: ReactNode;
}) {
  const { form, values } = props;
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      {props.tags}
      <Form<V> form={form} layout="inline" name={props.name} style={{ rowGap: 12 }} onFinish={props.onSearch}>
        {props.children}
        <Form.Item>
          <FilterActions
            testId={props.testId}
            onReset={() => {
              form.resetFields();
              props.onReset();
            }}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
