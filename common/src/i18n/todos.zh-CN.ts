/** The console's strings in Simplified Chinese: the header's bell of to-dos. */
export const todosZhCN = {
  'todos.bell': '待办事项',
  'todos.title': '待办',
  'todos.none': '暂无待办',
  'todos.failed': '待办数加载失败',
} as const;
