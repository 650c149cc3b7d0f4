import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useCategoryIndex } from '../appeals/appeal-categories';
import { VisitSection } from './visit-section';

/** Matters to take up as appeals: each becomes an appeal of the household's village, from the visit. */
function AppealsRaised() {
  const t = useT();
  const categories = useCategoryIndex();
  const tree = useMemo(() => categories.tree(), [categories]);
  return (
    <Form.List name="appeals">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              type="inner"
              title={t('assistance.visit.appealN', { n: i + 1 })}
              extra={
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                />
              }
            >
              <Form.Item
                name={[field.name, 'categoryCode']}
                label={t('assistance.visit.appealCategory')}
                rules={[{ required: true, message: t('assistance.visit.appealCategoryRule') }]}
              >
                <TreeSelect
                  treeData={tree}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeDefaultExpandAll
                  loading={categories.isLoading}
                  popupMatchSelectWidth={false}
                  data-testid="visit-appeal-category"
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'title']}
                label={t('assistance.visit.appealTitle')}
                rules={[{ required: true, message: t('assistance.visit.appealTitleRule') }]}
              >
                <Input maxLength={60} showCount data-testid="visit-appeal-title" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'description']}
                label={t('assistance.visit.appealDescription')}
                rules={[{ required: true, message: t('assistance.visit.appealDescriptionRule') }]}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea rows={3} maxLength={4000} data-testid="visit-appeal-description" />
              </Form.Item>
            </Card>
          ))}
          {fields.length < 10 && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              className="lx-visit-big"
              data-testid="visit-appeal-add"
            >
              {t('assistance.visit.appealAdd')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** Matters raised on the visit that need handling, saved as appeals. */
export function VisitAppealsSection() {
  const t = useT();
  return (
    <VisitSection title={t('assistance.visit.appeals')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('assistance.visit.appealsHint')}
      </Typography.Paragraph>
      <AppealsRaised />
    </VisitSection>
  );
}
