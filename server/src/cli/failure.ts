import { errorMessage } from '@lianxin/common';
import { AppError } from '../platform/errors';
import { InstanceLocked } from '../platform/instance-lock';

export type CliLocale = 'zh-CN' | 'en';

/**
 * A command that cannot go on: its message (English, and Chinese when given) is shown to the
 * operator on one line and the exit code is 1.
 */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly zh?: string,
  ) {
    super(message);
  }
}

/** The operator's language: LIANXIN_LOCALE, else LANG; Chinese unless either asks for English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): CliLocale {
  const wanted = env.LIANXIN_LOCALE || env.LANG || '';
  return /^en\b|^en[_-]/i.test(wanted) ? 'en' : 'zh-CN';
}

const byCode: Record<string, (err: NodeJS.ErrnoException & { port?: number }) => [string, string]> = {
  EADDRINUSE: (e) => [`Port ${e.port ?? ''} is already in use`, `端口 ${e.port ?? ''} 已被占用`],
  EACCES: (e) => [`Permission denied: ${e.path ?? e.message}`, `没有权限：${e.path ?? e.message}`],
  EPERM: (e) => [`Permission denied: ${e.path ?? e.message}`, `没有权限：${e.path ?? e.message}`],
  ENOENT: (e) => [
    `No such file or directory: ${e.path ?? e.message}`,
    `找不到文件或目录：${e.path ?? e.message}`,
  ],
  ENOSPC: () => ['No space left on the device', '磁盘空间不足'],
  ECONNREFUSED: () => ['The database server refused the connection', '数据库服务器拒绝连接'],
};

/** One line for any error a command or the server can meet; the stack only when verbose. */
export function describeFailure(err: unknown, locale: CliLocale, verbose = false): string {
  if (verbose && err instanceof Error && err.stack) return err.stack;
  const pick = ([en, zh]: [string, string]) => (locale === 'en' ? en : zh);
  let text: string;
  if (err instanceof CliFailure) text = locale === 'en' || !err.zh ? err.message : err.zh;
  else if (err instanceof AppError) text = `${err.code}: ${errorMessage(err.code, locale, err.params)}`;
  else if (err instanceof InstanceLocked)
    text = pick([
      `The database is in use by a running server (${err.holder}); stop it first`,
      `数据库正被运行中的服务使用（${err.holder}），请先停止服务`,
    ]);
  else {
    const e = err as NodeJS.ErrnoException & { port?: number };
    const known = e && typeof e.code === 'string' ? byCode[e.code] : undefined;
    text = known ? pick(known(e)) : firstLine(err instanceof Error ? err.message : String(err));
    if (!known) text += pick([' (run again with --verbose for details)', '（加 --verbose 查看详情）']);
  }
  return pick(['Error: ', '错误：']) + firstLine(text);
}

/** One line: the first non-empty line of a message that has several. */
function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? text).trim();
}
