import type { ProjectAccountability, ProjectSpending, ProjectStage } from '@lianxin/common';
import { Button, Card, Descriptions, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../../i18n/i18n';
import { useCan } from '../../../session/session';
import { PageHeader } from '../../../shared/page-header';
import { type ProjectAction, ProjectActionModal } from './project-actions';
import { ProjectBudgetChart } from './project-budget.chart';
import { stageColors, yuanText } from './project-labels';
import { useProject } from './projects.api';

/** One project: who answers for it, its stages, budget against spending, its notice and accountability. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const manage = can('notices.manage');
  const { data: project } = useProject(id);
  const [action, setAction] = useState<ProjectAction | null>(null);
  if (!project) return null;
  const stageName = (stageId: string | null) => project.stagesList.find((s) => s.id === stageId)?.name ?? '—';

  const stageColumns: TableColumnsType<ProjectStage> = [
    { title: '#', dataIndex: 'seq', width: 44 },
    { title: t('projects.field.stageName'), dataIndex: 'name' },
    { title: t('projects.field.dueOn'), dataIndex: 'dueOn' },
    {
      title: t('disclosures.col.state'),
      dataIndex: 'state',
      render: (_, s) => (
        <Space size={4} wrap>
          <Tag color={stageColors[s.state]} data-testid={`stage-${s.seq}`}>
            {t(`projects.stage.${s.state}`)}
          </Tag>
          {s.completedOn}
        </Space>
      ),
    },
    {
      title: t('projects.spent'),
      dataIndex: 'spent',
      align: 'right',
      render: (n: number) => yuanText(n, locale),
    },
    {
      key: 'act',
      render: (_, s) =>
        manage && s.completedOn === null ? (
          <Button size="small" onClick={() => setAction({ kind: 'complete', stageId: s.id })}>
            {t('projects.stage.complete')}
          </Button>
        ) : null,
    },
  ];
  const spendingColumns: TableColumnsType<ProjectSpending> = [
    { title: t('projects.spending.spentOn'), dataIndex: 'spentOn' },
    { title: t('projects.spending.item'), dataIndex: 'item' },
    { title: t('projects.spending.stage'), dataIndex: 'stageId', render: (s: string | null) => stageName(s) },
    {
      title: t('projects.spending.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (n: number) => yuanText(n, locale),
    },
  ];
  const accountabilityColumns: TableColumnsType<ProjectAccountability> = [
    { title: t('projects.accountability.decidedOn'), dataIndex: 'decidedOn' },
    {
      title: t('projects.accountability.reason'),
      dataIndex: 'reason',
      render: (_, a) => t(`projects.reason.${a.reason}`),
    },
    { title: t('projects.accountability.person'), dataIndex: 'person' },
    {
      title: t('projects.accountability.measure'),
      dataIndex: 'measure',
      render: (_, a) => <Tag>{t(`projects.measure.${a.measure}`)}</Tag>,
    },
    { title: t('projects.accountability.note'), dataIndex: 'note' },
  ];

  return (
    <>
      <PageHeader
        title={project.title}
        extra={
          manage && (
            <Flex gap={8} wrap>
              <Button onClick={() => setAction({ kind: 'spend' })} data-testid="project-spend">
                {t('projects.addSpending')}
              </Button>
              <Button onClick={() => setAction({ kind: 'account' })} data-testid="project-account">
                {t('projects.addAccountability')}
              </Button>
              {project.noticeId === null && (
                <Button
                  type="primary"
                  onClick={() => setAction({ kind: 'notice' })}
                  data-testid="project-notice"
                >
                  {t('projects.publishNotice')}
                </Button>
              )}
            </Flex>
          )
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('projects.col.area')}>{project.areaName}</Descriptions.Item>
            <Descriptions.Item label={t('projects.field.responsiblePerson')}>
              {project.responsiblePerson}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.field.responsibleUnit')}>
              {project.responsibleUnit}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.notice')}>
              {project.noticeId ? (
                <Link to={`/notices/${project.noticeId}`}>{t('projects.openNotice')}</Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          {project.description && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              {project.description}
            </Typography.Paragraph>
          )}
        </Card>
        <Card
          size="small"
          title={t('projects.budgetVsSpent')}
          extra={`${yuanText(project.spent, locale)} / ${yuanText(project.budget, locale)}`}
        >
          <ProjectBudgetChart project={project} />
          <Typography.Text type={project.spent > project.budget ? 'danger' : 'secondary'}>
            {t('projects.remaining')}: {yuanText(project.budget - project.spent, locale)}
          </Typography.Text>
        </Card>
        <Card size="small" title={t('projects.stages')}>
          <Table<ProjectStage>
            rowKey="id"
            size="small"
            columns={stageColumns}
            dataSource={project.stagesList}
            pagination={false}
            scroll={{ x: 560 }}
          />
        </Card>
        <Card size="small" title={t('projects.spendings')}>
          <Table<ProjectSpending>
            rowKey="id"
            size="small"
            columns={spendingColumns}
            dataSource={project.spendings}
            pagination={false}
            scroll={{ x: 480 }}
          />
        </Card>
        <Card size="small" title={t('projects.accountabilities')}>
          <Table<ProjectAccountability>
            rowKey="id"
            size="small"
            columns={accountabilityColumns}
            dataSource={project.accountabilities}
            pagination={false}
            locale={{ emptyText: t('projects.noAccountability') }}
            scroll={{ x: 560 }}
          />
        </Card>
      </Space>
      <ProjectActionModal project={project} action={action} onClose={() => setAction(null)} />
    </>
  );
}
