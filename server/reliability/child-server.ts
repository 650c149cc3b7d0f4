import type { ChildProcess } from 'node:child_process';
import { spawnFixture, TEST_PASSWORD, TEST_SECRET_KEY, type TestDatabase } from '../test/harness';

/** The application in its own process on the test database, over real HTTP, ready to be killed. */
export interface ChildServer {
  child: ChildProcess;
  base: string;
  /** SIGKILL: no shutdown hook, no flush, exactly as a power cut or the OOM killer. */
  kill(): Promise<void>;
  signIn(username: string): Promise<HttpSession>;
}

export interface HttpSession {
  /** JSON unless `contentType` is given, in which case `body` (a string or bytes) goes as it is. */
  request(
    method: string,
    url: string,
    body?: unknown,
    contentType?: string,
  ): Promise<{ status: number; json: unknown }>;
}

export async function startServer(
  database: TestDatabase,
  options: { jobs?: boolean; clockOffsetMs?: number } = {},
): Promise<ChildServer> {
  const { child, match } = await spawnFixture(database, 'server-child.ts', /LISTENING (\d+)/, {
    // The same key on every start, or a restarted server could not read the ID numbers it stored.
    LIANXIN_TEST_SECRET_KEY: TEST_SECRET_KEY,
    LIANXIN_TEST_JOBS: options.jobs ? 'true' : 'false',
    LIANXIN_TEST_CLOCK_OFFSET_MS: String(options.clockOffsetMs ?? 0),
  });
  const base = `http://127.0.0.1:${match[1]}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    base,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    signIn: async (username) => {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return {
        request: async (method, url, body, contentType) => {
          const payload = contentType ? (body as string | Uint8Array) : JSON.stringify(body);
          const answer = await fetch(`${base}${url}`, {
            method,
            headers: {
              cookie,
              'x-csrf-token': csrfToken,
              ...(body === undefined ? {} : { 'content-type': contentType ?? 'application/json' }),
            },
            ...(body === undefined ? {} : { body: payload }),
          });
          const text = await answer.text();
          return { status: answer.status, json: text ? (JSON.parse(text) as unknown) : null };
        },
      };
    },
  };
}
