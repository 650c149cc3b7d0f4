import type { todosZhCN } from './todos.zh-CN';

/** The console's strings in English: the header's bell of to-dos. */
export const todosEn: Record<keyof typeof todosZhCN, string> = {
  'todos.bell': 'To-dos',
  'todos.title': 'To-do',
  'todos.none': 'Nothing waiting',
  'todos.failed': 'The to-dos could not be counted',
};
