import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';

/**
 * Pages of a keyset-paginated list. The server only knows "the page after this cursor", so the
 * cursors of the pages already seen are kept on a stack: "previous" pops one. Any change of
 * `resetKey` (the filter, the sort, the page size) starts again from the first page.
 */
export function useKeysetPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: resetKey,
    cursors: [undefined],
  });
  // Adjusting state while rendering (not in an effect) so the old cursor is never requested.
  const current = state.key === resetKey ? state : { key: resetKey, cursors: [undefined] };
  if (current !== state) setState(current);
  const { cursors } = current;
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}

export function KeysetPager(props: {
  page: number;
  total: number | undefined;
  nextCursor: string | null | undefined;
  pageSize: number;
  pageSizes?: number[];
  loading?: boolean;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  onPageSize: (size: number) => void;
}) {
  const { page, total, nextCursor, pageSize, loading, onPrevious, onNext, onPageSize } = props;
  const t = useT();
  const pages = total === undefined ? null : Math.max(1, Math.ceil(total / pageSize));
  return (
    <Flex
      justify="flex-end"
      align="center"
      gap={12}
      wrap
      style={{ marginTop: 16 }}
      data-testid="keyset-pager"
    >
      <Typography.Text type="secondary">
        {total === undefined ? '' : t('common.total', { total })}
        {pages === null ? '' : ` · ${t('pager.page', { page, pages })}`}
      </Typography.Text>
      <Space size={8}>
        <Button
          icon={<LeftOutlined />}
          disabled={page <= 1 || loading}
          onClick={onPrevious}
          data-testid="pager-previous"
        >
          {t('pager.previous')}
        </Button>
        <Button
          icon={<RightOutlined />}
          iconPlacement="end"
          disabled={!nextCursor || loading}
          onClick={() => nextCursor && onNext(nextCursor)}
          data-testid="pager-next"
        >
          {t('pager.next')}
        </Button>
        <Select
          value={pageSize}
          onChange={onPageSize}
          style={{ width: 110 }}
          options={(props.pageSizes ?? [20, 50, 100]).map((size) => ({
            value: size,
            label: t('pager.pageSize', { size }),
          }))}
        />
      </Space>
    </Flex>
  );
}
