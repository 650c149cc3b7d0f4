import { PlusOutlined } from '@ant-design/icons';
import type { ProjectSummary } from '@lianxin/common';
import { Button, Checkbox, Progress, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../i18n/i18n';
import { useCan } from '../../../session/session';
import { PageHeader } from '../../../shared/page-header';
import { ProjectFormDrawer } from './project-form.drawer';
import { yuanText } from './project-labels';
import { useProjects } from './projects.api';

const PAGE_SIZE = 20;

/** The major investment projects of the caller's area: who answers for each, its money and its stages. */
export function ProjectsPage() {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const [lateOnly, setLateOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useProjects(lateOnly ? { late: 'true' } : {}, page, PAGE_SIZE);

  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: t('projects.col.title'),
      dataIndex: 'title',
      render: (title: string, p) => (
        <Space direction="vertical" size={0}>
          <Link to={`/projects/${p.id}`} data-testid={`project-link-${p.id}`}>
            {title}
          </Link>
          {p.lateStages > 0 && <Tag color="error">{t('projects.lateStages', { count: p.lateStages })}</Tag>}
        </Space>
      ),
    },
    { title: t('projects.col.area'), dataIndex: 'areaName' },
    {
      title: t('projects.col.responsible'),
      key: 'responsible',
      render: (_, p) => `${p.responsiblePerson} / ${p.responsibleUnit}`,
    },
    {
      title: t('projects.col.budget'),
      dataIndex: 'budget',
      align: 'right',
      render: (n: number) => yuanText(n, locale),
    },
    {
      title: t('projects.col.spent'),
      dataIndex: 'spent',
      render: (n: number, p) => (
        <Space direction="vertical" size={0} style={{ minWidth: 120 }}>
          {yuanText(n, locale)}
          <Progress
            percent={p.budget > 0 ? Math.round((n / p.budget) * 100) : 0}
            size="small"
            status={n > p.budget ? 'exception' : 'normal'}
          />
        </Space>
      ),
    },
    {
      title: t('projects.col.stages'),
      key: 'stages',
      render: (_, p) => t('projects.stagesValue', { done: p.stagesDone, total: p.stages }),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        extra={
          can('notices.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="project-create"
            >
              {t('projects.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('projects.intro')}</Typography.Paragraph>
      <Checkbox
        checked={lateOnly}
        onChange={(e) => {
          setLateOnly(e.target.checked);
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
      >
        {t('projects.lateOnly')}
      </Checkbox>
      <Table<ProjectSummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 760 }}
      />
      <ProjectFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          navigate(`/projects/${id}`);
        }}
      />
    </>
  );
}
