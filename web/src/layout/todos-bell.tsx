import { BellOutlined } from '@ant-design/icons';
import { todosApi } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';

/** What waits for the caller, counted anew every minute and whenever the window regains focus. */
function useTodos() {
  return useQuery({
    queryKey: ['todos'],
    queryFn: () => api(todosApi.list, {}),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
}

/** 待办: a bell in the header with the number of things waiting, each line opening its filtered list. */
export function TodosBell() {
  const t = useT();
  const navigate = useNavigate();
  const { data, isError } = useTodos();
  const items = data ?? [];
  const total = items.reduce((sum, item) => sum + item.count, 0);
  const waiting = items.filter((item) => item.count > 0);
  const empty = isError ? t('todos.failed') : t('todos.none');
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items:
          waiting.length === 0
            ? [{ key: 'none', label: empty, disabled: true }]
            : waiting.map((item) => ({
                key: item.key,
                label: (
                  <Flex
                    justify="space-between"
                    gap={16}
                    style={{ minWidth: 200 }}
                    data-testid={`todo-${item.key}`}
                  >
                    <span>{item.label}</span>
                    <Typography.Text strong>{item.count}</Typography.Text>
                  </Flex>
                ),
              })),
        onClick: ({ key }) => {
          const item = waiting.find((i) => i.key === key);
          if (item) navigate(item.link);
        },
      }}
    >
      <Button type="text" aria-label={t('todos.bell')} data-testid="todos-bell" style={{ height: 48 }}>
        <Badge count={total} size="small" overflowCount={99} data-testid="todos-total">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
