import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { defaultTierRules, type TagDefinition, TagsCreateBody, type TierRuleSet } from '@lianxin/common';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { errorText } from '../../shared/feedback';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { useCreateTag, useTags } from '../households/households.api';
import { TierRulesView } from './tier-conditions';
import { TierRulesEditor } from './tier-rules-editor';
import { useTierRuleSets } from './tiering.api';

type VersionState = 'inForce' | 'scheduled' | 'superseded';

function versionState(ruleSet: TierRuleSet, inForce: TierRuleSet | undefined): VersionState {
  if (ruleSet.inForce) return 'inForce';
  return inForce && ruleSet.version > inForce.version ? 'scheduled' : 'superseded';
}

const stateColors: Record<VersionState, string> = {
  inForce: 'success',
  scheduled: 'processing',
  superseded: 'default',
};

function VersionsTable({ ruleSets, inForce }: { ruleSets: TierRuleSet[]; inForce: TierRuleSet | undefined }) {
  const t = useT();
  const columns: TableColumnsType<TierRuleSet> = [
    {
      title: t('tierRules.version'),
      dataIndex: 'version',
      render: (v: number) => t('tierRules.versionN', { version: v }),
    },
    {
      title: t('tierRules.state'),
      key: 'state',
      render: (_, r) => {
        const state = versionState(r, inForce);
        return <Tag color={stateColors[state]}>{t(`tierRules.state.${state}`)}</Tag>;
      },
    },
    { title: t('tierRules.effectiveFrom'), dataIndex: 'effectiveFrom' },
    {
      title: t('tierRules.minimumLivingLine'),
      key: 'line',
      align: 'right',
      render: (_, r) => r.rules.minimumLivingLine.toLocaleString(),
    },
    { title: t('tierRules.note'), dataIndex: 'note', render: (note: string | null) => note || '—' },
    { title: t('tierRules.createdBy'), dataIndex: 'createdBy', render: (by: string | null) => by ?? '—' },
    { title: t('tierRules.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
  ];
  return (
    <Table<TierRuleSet>
      rowKey="version"
      columns={columns}
      dataSource={ruleSets}
      size="middle"
      scroll={{ x: 'max-content' }}
      pagination={ruleSets.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      expandable={{ expandedRowRender: (r) => <TierRulesView rules={r.rules} ruleSet={r} /> }}
      data-testid="tier-rules-versions"
    />
  );
}

interface TagFormValues {
  code: string;
  name: string;
  appliesTo: TagDefinition['appliesTo'];
}

function TagCreateModal(props: { open: boolean; onClose: () => void; afterClose: () => void }) {
  const { open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TagFormValues>();
  const create = useCreateTag();
  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: { code: t('tags.codeRule'), name: t('tags.nameRule') },
      codes: { TAG_CODE_TAKEN: ['code'] },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, TagsCreateBody, mapping);
  const submit = (values: TagFormValues) => {
    const body = validate(values);
    if (!body) return;
    create.mutate(body, {
      onSuccess: (tag) => {
        message.success(t('tags.created', { name: tag.name }));
        onClose();
      },
      onError: handleError,
    });
  };
  return (
    <Modal
      title={t('tags.createTitle')}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'tag-create-submit' }}
    >
      <Form<TagFormValues>
        form={form}
        layout="vertical"
        name="tag-create"
        initialValues={{ appliesTo: 'household' }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('tags.name')}
          rules={[{ required: true, max: 20, message: t('tags.nameRule') }]}
        >
          <Input maxLength={20} autoFocus />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('tags.code')}
          extra={t('tags.codeHint')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('tags.codeRule') }]}
        >
          <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="appliesTo" label={t('tags.appliesTo')}>
          <Select
            options={(['household', 'resident', 'both'] as const).map((a) => ({
              value: a,
              label: t(`tags.appliesTo.${a}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The tags rules may name; districts add their own beside the built-in ones. */
function TagsCard() {
  const t = useT();
  const can = useCan();
  const { data, isLoading } = useTags();
  const modal = useModalTarget<true>();
  return (
    <Card
      size="small"
      title={t('tags.title')}
      extra={
        can('tiers.rules') && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => modal.show(true)}
            data-testid="tag-create"
          >
            {t('tags.create')}
          </Button>
        )
      }
    >
      {isLoading ? (
        <Spin />
      ) : (
        <Space size={[4, 8]} wrap>
          {(data ?? []).map((tag) => (
            <Tag key={tag.code} color={tag.builtin ? 'default' : 'blue'} title={tag.code}>
              {tag.name}
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                {' '}
                {t(`tags.appliesTo.${tag.appliesTo}`)}
              </Typography.Text>
            </Tag>
          ))}
        </Space>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('tags.hint')}
      </Typography.Paragraph>
      {modal.target && (
        <TagCreateModal open={modal.open} onClose={modal.hide} afterClose={modal.afterClose} />
      )}
    </Card>
  );
}

/** 分类规则: the rules in force, their history, and (for the district) a new version with its preview. */
export function TierRulesPage() {
  const t = useT();
  const can = useCan();
  const { data, isPending, error, refetch } = useTierRuleSets();
  const [editing, setEditing] = useState(false);
  const inForce = data?.find((r) => r.inForce);
  const scheduled = data?.filter((r) => versionState(r, inForce) === 'scheduled') ?? [];

  if (error) {
    return (
      <Result
        status="error"
        title={t('error.loadFailed')}
        subTitle={errorText(error, t)}
        extra={<Button onClick={() => refetch()}>{t('common.reload')}</Button>}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('tierRules.title')}
        extra={
          can('tiers.rules') &&
          !editing && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              disabled={isPending}
              data-testid="tier-rules-new"
            >
              {t('tierRules.newVersion')}
            </Button>
          )
        }
      />
      {editing && (
        <TierRulesEditor
          base={(data?.[0] ?? inForce)?.rules ?? defaultTierRules}
          onDone={() => setEditing(false)}
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={
              inForce
                ? t('tierRules.inForceTitle', { version: inForce.version, date: inForce.effectiveFrom })
                : t('tierRules.inForce')
            }
            extra={
              scheduled.length > 0 && (
                <Tag color="processing">
                  {t('tierRules.scheduledNotice', {
                    version: scheduled[0]?.version ?? '',
                    date: scheduled[0]?.effectiveFrom ?? '',
                  })}
                </Tag>
              )
            }
            data-testid="tier-rules-in-force"
          >
            {isPending ? (
              <Spin />
            ) : inForce ? (
              <TierRulesView rules={inForce.rules} ruleSet={inForce} />
            ) : (
              <Empty description={t('tierRules.none')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <TagsCard />
        </Col>
      </Row>
      <Card size="small" title={t('tierRules.history')}>
        <VersionsTable ruleSets={data ?? []} inForce={inForce} />
      </Card>
    </>
  );
}
