import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Area } from '@lianxin/common';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Result,
  Row,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { type Key, type ReactNode, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { errorText } from '../../shared/feedback';
import { areaKindLabel } from '../../shared/labels';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { AreaFlagTags, flagNames } from './area-flags';
import { AreaFormModal, type AreaFormTarget } from './area-form.modal';
import { AreaImportModal } from './area-import.modal';
import { type AreaIndex, childKindOf, pathTo } from './area-tree';
import { useAreaIndex, useAreas } from './areas.api';

interface TreeNode {
  key: string;
  title: ReactNode;
  children?: TreeNode[];
}

function hasFlags(area: Area): boolean {
  return flagNames.some((name) => area.flags[name]);
}

/** The tree, limited to matches of `query` and their ancestors when there is one. */
function useTreeData(index: AreaIndex, query: string) {
  return useMemo(() => {
    const q = query.trim().toLowerCase();
    let keep: Set<string> | null = null;
    const expanded = new Set<string>();
    if (q) {
      keep = new Set();
      for (const area of index.byCode.values()) {
        if (!area.name.toLowerCase().includes(q) && !area.code.startsWith(q)) continue;
        const path = pathTo(index, area.code);
        for (const a of path) keep.add(a.code);
        for (const a of path.slice(0, -1)) expanded.add(a.code);
      }
    }
    const build = (area: Area): TreeNode => {
      const kids = (index.children.get(area.code) ?? []).filter((c) => !keep || keep.has(c.code));
      return {
        key: area.code,
        title: (
          <span data-testid={`area-node-${area.code}`}>
            {area.name}
            {hasFlags(area) && <Typography.Text type="danger"> ●</Typography.Text>}
          </span>
        ),
        ...(kids.length > 0 ? { children: kids.map(build) } : {}),
      };
    };
    const roots = index.roots.filter((r) => !keep || keep.has(r.code)).map(build);
    return { nodes: roots, expanded: [...expanded] };
  }, [index, query]);
}

export function AreasPage() {
  const t = useT();
  const can = useCan();
  const canManage = can('areas.manage');
  const { isLoading, error, refetch } = useAreas();
  const { index } = useAreaIndex();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [expandedKeys, setExpandedKeys] = useState<Key[] | null>(null);
  const modal = useModalTarget<AreaFormTarget>();
  const [importOpen, setImportOpen] = useState(false);

  const selectedCode = params.get('code') ?? index.roots[0]?.code ?? null;
  const selected = selectedCode ? index.byCode.get(selectedCode) : undefined;
  const children = selected ? (index.children.get(selected.code) ?? []) : [];
  const childKind = selected ? childKindOf(selected.kind) : null;
  const tree = useTreeData(index, query);

  const select = (code: string) => {
    setParams({ code }, { replace: true });
    // Opening an area from the table also opens its branch in the tree.
    const ancestors = pathTo(index, code)
      .slice(0, -1)
      .map((a) => a.code);
    setExpandedKeys((keys) => (keys ? [...new Set([...keys, ...ancestors])] : keys));
  };

  // By default the root and the path to the selected area are open.
  const defaultExpanded = useMemo(() => {
    const keys = new Set(index.roots.map((r) => r.code));
    if (selectedCode) for (const a of pathTo(index, selectedCode).slice(0, -1)) keys.add(a.code);
    return [...keys];
  }, [index, selectedCode]);
  const shownExpanded = query.trim() ? tree.expanded : (expandedKeys ?? defaultExpanded);

  const columns: TableColumnsType<Area> = [
    {
      title: t('areas.name'),
      dataIndex: 'name',
      render: (name: string, area) => (
        <Typography.Link onClick={() => select(area.code)} data-testid={`area-child-${area.code}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('areas.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('areas.kind'), dataIndex: 'kind', render: (_, area) => areaKindLabel(t, area.kind) },
    { title: t('areas.flags'), key: 'flags', render: (_, area) => <AreaFlagTags flags={area.flags} /> },
    {
      title: t('areas.children'),
      key: 'count',
      align: 'right',
      render: (_, area) => index.children.get(area.code)?.length ?? 0,
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, area: Area) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => modal.show({ mode: 'edit', code: area.code })}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

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
        title={t('areas.title')}
        extra={
          canManage && (
            <Button
              icon={<UploadOutlined />}
              data-testid="area-import-open"
              onClick={() => setImportOpen(true)}
            >
              {t('areas.importButton')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={7}>
          <Card
            title={t('areas.treeTitle')}
            size="small"
            extra={
              <Typography.Text type="secondary">
                {t('areas.count', { count: index.byCode.size })}
              </Typography.Text>
            }
          >
            <Input.Search
              placeholder={t('areas.searchPlaceholder')}
              allowClear
              onChange={(e) => setQuery(e.target.value)}
              style={{ marginBottom: 8 }}
              data-testid="area-search"
            />
            {isLoading ? (
              <Spin />
            ) : (
              <Tree
                treeData={tree.nodes}
                selectedKeys={selectedCode ? [selectedCode] : []}
                expandedKeys={shownExpanded}
                onExpand={(keys) => setExpandedKeys(keys)}
                onSelect={(keys) => {
                  const [key] = keys;
                  if (typeof key === 'string') select(key);
                }}
                height={600}
                blockNode
                showLine
                data-testid="area-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17}>
          {!selected ? (
            <Card>{isLoading ? <Spin /> : <Empty description={t('areas.selectHint')} />}</Card>
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card
                title={
                  <Space>
                    {selected.name}
                    <Tag>{areaKindLabel(t, selected.kind)}</Tag>
                  </Space>
                }
                size="small"
                extra={
                  canManage && (
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => modal.show({ mode: 'edit', code: selected.code })}
                      data-testid="area-edit"
                    >
                      {t('common.edit')}
                    </Button>
                  )
                }
                data-testid="area-details"
              >
                <Descriptions
                  column={{ xs: 1, md: 2 }}
                  size="small"
                  items={[
                    {
                      key: 'code',
                      label: t('areas.code'),
                      children: (
                        <Typography.Text code copyable>
                          {selected.code}
                        </Typography.Text>
                      ),
                    },
                    {
                      key: 'parent',
                      label: t('areas.parent'),
                      children:
                        pathTo(index, selected.code)
                          .slice(0, -1)
                          .map((a) => a.name)
                          .join(' / ') || '—',
                    },
                    {
                      key: 'flags',
                      label: t('areas.flags'),
                      span: 'filled',
                      children: <AreaFlagTags flags={selected.flags} />,
                    },
                    {
                      key: 'updatedAt',
                      label: t('areas.updatedAt'),
                      children: formatDateTime(selected.updatedAt),
                    },
                    { key: 'version', label: t('areas.version'), children: selected.version },
                  ]}
                />
              </Card>
              {childKind && (
                <Card
                  title={`${t('areas.children')} (${children.length})`}
                  size="small"
                  extra={
                    canManage && (
                      <Button
                        type="primary"
                        icon={<PlusOutlined />}
                        onClick={() => modal.show({ mode: 'create', parentCode: selected.code })}
                        data-testid="area-create-child"
                      >
                        {t('areas.createChild', { kind: areaKindLabel(t, childKind) })}
                      </Button>
                    )
                  }
                >
                  <Table<Area>
                    rowKey="code"
                    columns={columns}
                    dataSource={children}
                    size="small"
                    pagination={children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                    locale={{ emptyText: <Empty description={t('areas.noChildren')} /> }}
                  />
                </Card>
              )}
            </Space>
          )}
        </Col>
      </Row>
      {modal.target && (
        <AreaFormModal
          target={modal.target}
          open={modal.open}
          onClose={modal.hide}
          afterClose={modal.afterClose}
        />
      )}
      <AreaImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}
