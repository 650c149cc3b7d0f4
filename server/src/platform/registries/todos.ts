import { hasPermission, type LocalizedText, type Permission, type TodoItem } from '@lianxin/common';
import type { RequestContext } from '../request-context';

// The to-dos of the console's bell, registered by the modules whose work waits. A registry belongs
// to one application (`app.ctx.todos`).

export interface TodoRegistration {
  /** Stable and unique. */
  key: string;
  label: LocalizedText;
  /** Callers whose role lacks it are not asked (and not told of the to-do). */
  permission?: Permission;
  /** How many wait for the caller, in their reach: a cheap, indexed count. */
  count: (ctx: RequestContext) => Promise<number>;
  /** The console's filtered list of what waits: a path with its query string. */
  link: string;
}

/** The to-dos one application knows, in the order they were registered. */
export class TodoRegistry {
  readonly #items = new Map<string, TodoRegistration>();

  register(todo: TodoRegistration): void {
    if (this.#items.has(todo.key)) throw new Error(`to-do ${todo.key} registered twice`);
    if (!todo.link.startsWith('/')) throw new Error(`to-do ${todo.key}: the link is a console path`);
    this.#items.set(todo.key, todo);
  }

  list(): TodoRegistration[] {
    return [...this.#items.values()];
  }
}

/** The caller's to-dos: those their role may see, each counted in their reach. */
export async function todosOf(registry: TodoRegistry, ctx: RequestContext): Promise<TodoItem[]> {
  const mine = registry
    .list()
    .filter((todo) => todo.permission === undefined || hasPermission(ctx.caller.role, todo.permission));
  const counts = await Promise.all(mine.map((todo) => todo.count(ctx)));
  return mine.map((todo, i) => ({
    key: todo.key,
    label: todo.label[ctx.locale],
    count: counts[i] ?? 0,
    link: todo.link,
  }));
}
