import { needKinds } from '@lianxin/common';
import { Checkbox, Form, Input } from 'antd';
import { useT } from '../../i18n/i18n';
import { needLabel } from './assistance-labels';
import { VisitSection } from './visit-section';

/** What was found and what the family needs. */
export function VisitFindingsSection() {
  const t = useT();
  return (
    <VisitSection title={t('assistance.visit.what')}>
      <Form.Item
        name="findings"
        label={t('assistance.visit.findings')}
        rules={[{ required: true, whitespace: true, message: t('assistance.visit.findingsRule') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          maxLength={4000}
          showCount
          placeholder={t('assistance.visit.findingsPlaceholder')}
          data-testid="visit-findings"
        />
      </Form.Item>
      <Form.Item name="needs" label={t('assistance.visit.needs')}>
        <Checkbox.Group
          className="lx-visit-checks"
          options={needKinds.map((n) => ({ value: n, label: needLabel(t, n) }))}
          data-testid="visit-needs"
        />
      </Form.Item>
    </VisitSection>
  );
}
